package com.competencyrecon.ownership;

import java.util.List;

/** Which MSAs a night derives links for: every one, or those whose links can have changed since the last night. */
public interface DerivationScope {

    /** Whether the night derives every MSA's link (and forgets every earlier one first). */
    boolean everyMsa();

    /** For a night that does not: up to {@code limit} of its MSAs after {@code after}, in id order. */
    List<String> msasAfter(String after, int limit);

    /** Tells the night the links derived for its MSAs, so the organisations they now count for are evaluated. */
    void derived(List<EffectiveLink> links);
}
