package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Market;

/** An organisation as the evaluation step reads it. */
public record OrgRow(String orgId, String name, Market market) {
}
