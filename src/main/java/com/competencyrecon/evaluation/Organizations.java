package com.competencyrecon.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The programme's organisations, as ingest stored them. */
public interface Organizations {

    /** Up to {@code limit} organisations after {@code afterOrgId} in id order. */
    List<OrgRow> after(String afterOrgId, int limit);

    /** The organisations with the given ids that are known, in id order. */
    List<OrgRow> withIds(Collection<String> orgIds);

    /** Every organisation's name, by id. */
    Map<String, String> names();
}
