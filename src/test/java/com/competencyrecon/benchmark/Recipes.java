package com.competencyrecon.benchmark;

import java.util.List;

/**
 * How an organisation meets each competency of the default catalogue (CATALOG.md, one path per competency):
 * what every counted person holds and which figures the organisation reports. The generator uses these to
 * place organisations at a chosen level, so the programme reaches Silver and Gold in realistic proportions.
 */
final class Recipes {

    /**
     * A performance requirement: thresholds over the trailing twelve months, Silver then Gold, developed then
     * developing market; {@code cents} when the figure is money written with two decimals.
     */
    record Metric(String code, List<String> associations, long silverDeveloped, long silverDeveloping,
                  long goldDeveloped, long goldDeveloping, boolean cents) {

        long threshold(boolean gold, boolean developed) {
            long units = gold ? (developed ? goldDeveloped : goldDeveloping)
                    : (developed ? silverDeveloped : silverDeveloping);
            return cents ? units * 100 : units;
        }
    }

    /**
     * One competency: people needed at Silver and Gold, the credentials one counted person holds (an element
     * {@code "A|B"} means one of them), the Gold holder's when it differs, and the metrics of its path.
     * {@code progress} is a holding that shows progress without meeting the level, for competencies whose
     * Silver needs only one person and no figure.
     */
    record Recipe(String competency, int weight, int silverPeople, int goldPeople, List<String> silverHolding,
                  List<String> goldHolding, List<Metric> metrics, List<String> progress) {
    }

    private static final List<String> ANY_BUT_TRIAL = List.of("TRANSACTING", "DPOR", "DELEGATED_ADMIN", "FASTTRACK");

    static final List<Recipe> ALL = List.of(
            new Recipe("CLOUD_PLATFORM", 3, 1, 2,
                    List.of("ASMT-CLOUD-PLATFORM|70-532|70-533|70-535|70-473|70-475|MCSA-LINUX-ON-AZURE|ASMT-AZURE-APP-DEV"),
                    null, List.of(new Metric("AZURE_CONSUMED_REVENUE_USD", List.of("DPOR", "TRANSACTING"),
                    15_000, 10_000, 100_000, 100_000, true)), null),
            new Recipe("CLOUD_PRODUCTIVITY", 3, 1, 2, List.of("70-346", "70-347"), null,
                    List.of(new Metric("O365_ACTIVE_ENTITLEMENTS", ANY_BUT_TRIAL, 2_000, 1_000, 4_000, 4_000, false)),
                    null),
            new Recipe("DATA_ANALYTICS", 1, 1, 2, List.of("ASMT-DATA-ANALYTICS-FOUNDATIONAL", "70-767", "70-768"),
                    null, List.of(), List.of("ASMT-BI")),
            new Recipe("APPLICATION_DEVELOPMENT", 2, 2, 4, List.of("70-480|70-483|70-486|70-357|70-532|70-487|70-533"),
                    List.of("MCSD-APP-BUILDER", "70-483"), List.of(), null),
            new Recipe("DATACENTER", 2, 2, 4, List.of("74-409|70-410|70-411|70-412|70-740|70-741|70-742|70-744"),
                    List.of("MCSA-WINDOWS-SERVER-2016|MCSA-WINDOWS-SERVER-2012", "70-740"), List.of(), null),
            // Silver asks for no exam: only the figure.
            new Recipe("SMALL_MIDMARKET_CLOUD", 2, 0, 2, List.of("70-347"), null,
                    List.of(new Metric("O365_NEW_CUSTOMERS", List.of("DPOR", "TRANSACTING", "DELEGATED_ADMIN"),
                            4, 4, 25, 25, false)), null),
            new Recipe("COLLABORATION_CONTENT", 1, 2, 4, List.of("70-347", "70-339"), null, List.of(), null),
            new Recipe("MESSAGING", 1, 2, 4, List.of("70-347", "70-345"), null, List.of(), null),
            new Recipe("ENTERPRISE_MOBILITY", 1, 2, 4, List.of("ASMT-EMS-OVERVIEW",
                    "ASMT-EMS-MDM|ASMT-EMS-IDENTITY-ACCESS|ASMT-EMS-INFORMATION-PROTECTION|ASMT-EMS-CLOUD-APP-SECURITY"),
                    null, List.of(new Metric("EMS_NEW_CUSTOMERS", ANY_BUT_TRIAL, 3, 3, 5, 5, false),
                    new Metric("EMS_ACTIVE_ENTITLEMENTS", ANY_BUT_TRIAL, 500, 500, 4_000, 4_000, false)), null),
            new Recipe("CLOUD_BUSINESS_APPLICATIONS", 1, 5, 15, List.of("MB2-715", "MB2-716", "MB2-717|MB2-718|MB2-877"),
                    null, List.of(new Metric("CRM_NET_NEW_REVENUE_USD", List.of("DPOR"),
                    100_000, 50_000, 300_000, 150_000, true)), null),
            new Recipe("DATA_PLATFORM", 1, 2, 4, List.of("ASMT-DATA-PLATFORM-FOUNDATIONAL",
                    "ASMT-SQL-2016|ASMT-AZURE-DATA-WAREHOUSE|ASMT-AZURE-DATA-SERVICES"), null, List.of(), null),
            // Every holder also has an agile credential, so the "of whom" clause holds as well.
            new Recipe("DEVOPS", 1, 2, 4, List.of("70-496", "70-498", "70-497|PMI-ACP|PSM-I|CSM"), null, List.of(), null),
            new Recipe("WINDOWS_DEVICES", 1, 2, 4, List.of("ASMT-SURFACE-HUB"),
                    List.of("ASMT-SURFACE-HUB", "70-347|70-334|70-398|70-697"),
                    List.of(new Metric("SURFACE_HUB_DEVICES_SHIPPED", ANY_BUT_TRIAL, 12, 12, 52, 52, false)), null));

    static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Recipe::weight).sum();

    /**
     * Credentials people hold besides their organisation's focus: parts of combined requirements, retired
     * exams no longer accepted, single exams that show progress, and codes the catalogue does not know.
     * Alone they make no level, so they add progress (STARTED) rather than Silver or Gold.
     */
    static final List<String> EVERYDAY = List.of("70-346", "ASMT-EMS-OVERVIEW", "MB2-715", "MB2-716",
            "ASMT-DATA-ANALYTICS-FOUNDATIONAL", "70-496", "70-498", "ASMT-DATA-PLATFORM-FOUNDATIONAL", "70-534",
            "70-354", "70-355", "70-246", "70-247", "AZ-900", "MS-900", "DP-900", "PL-900", "98-364", "98-361",
            "ASMT-BI", "ASMT-SURFACE-HUB", "70-533", "70-532", "70-347", "70-767", "70-773", "ASMT-SQL-2016",
            "PSM-I", "CSM", "70-697", "70-483", "70-410");

    /** The eight metric codes, with a yearly figure that stays well below every threshold that uses it. */
    static final List<String> METRICS = List.of("AZURE_CONSUMED_REVENUE_USD", "O365_ACTIVE_ENTITLEMENTS",
            "POWERBI_DEPLOYED_SEATS", "O365_NEW_CUSTOMERS", "EMS_NEW_CUSTOMERS", "EMS_ACTIVE_ENTITLEMENTS",
            "CRM_NET_NEW_REVENUE_USD", "SURFACE_HUB_DEVICES_SHIPPED");
    static final long[] SMALL_YEAR = {300_000, 300, 75, 1, 0, 35, 1_500_000, 3};
    static final boolean[] CENTS = {true, false, false, false, false, false, true, false};
    static final List<String> ASSOCIATIONS = List.of("DPOR", "TRANSACTING", "DELEGATED_ADMIN", "FASTTRACK", "TRIAL");

    private Recipes() {
    }
}
