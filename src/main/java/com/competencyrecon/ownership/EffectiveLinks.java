package com.competencyrecon.ownership;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The links in force at the counting instant of the last derived night, one per linked MSA. */
public interface EffectiveLinks {

    /** Forgets every effective link, before a night derives them anew. */
    void clear();

    /** Forgets the links of the given MSAs, before a night derives them anew. */
    void forget(Collection<String> msaIds);

    /** Stores links derived tonight. */
    void save(List<EffectiveLink> links);

    /** The links of the given organisations' people, by organisation, MSAs in id order. */
    Map<String, List<EffectiveLink>> ofOrganizations(Collection<String> orgIds);

    /** The links of the given MSAs, by MSA; an MSA with no link in force is absent. */
    Map<String, EffectiveLink> ofMsas(Collection<String> msaIds);
}
