package com.competencyrecon.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.competencyrecon.catalog.Expression.AllOf;
import com.competencyrecon.catalog.Expression.AnyOf;
import com.competencyrecon.catalog.Expression.Code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogLoaderTests {

    private static final String SOURCE = "test.yml";

    /** The place of the one requirement in {@link #catalogWithRequirement(String)}. */
    private static final String REQUIREMENT = "test.yml: competencies[0] (DEVOPS) levels.SILVER paths[0] (DEVOPS_PARTNER) "
            + "requirements[0]: ";

    private static final String CREDENTIALS = """
            credentials:
              - { code: "70-496", type: EXAM, name: Administering Team Foundation Server }
              - { code: "70-497", type: EXAM, name: Software Testing with Visual Studio }
              - { code: "70-498", type: EXAM, name: Delivering Continuous Value with Visual Studio ALM }
              - { code: "PSM-I", type: CERTIFICATION, name: Professional Scrum Master I }
            """;

    private static final String A_REQUIREMENT = """
            - people: 2
              holding: { allOf: ["70-496", "70-498"] }
            """;

    private static Catalog load(String yaml) {
        return CatalogLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), SOURCE);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String yaml) {
        return assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class);
    }

    /** A valid catalogue but for {@code requirement}, the first requirement of DEVOPS SILVER DEVOPS_PARTNER. */
    private static String catalogWithRequirement(String requirement) {
        return catalogWithLevels("""
                SILVER:
                  - path: DEVOPS_PARTNER
                    requirements:
                """ + requirement.indent(6));
    }

    /** A valid catalogue but for {@code levels}, the levels of DEVOPS. */
    private static String catalogWithLevels(String levels) {
        return "version: 1\n" + CREDENTIALS + """
                competencies:
                  - code: DEVOPS
                    name: DevOps
                    levels:
                """ + levels.indent(6);
    }

    /** A valid catalogue whose credentials end with {@code credential}, an item of the list. */
    private static String catalogWithCredential(String credential) {
        return "version: 1\n" + CREDENTIALS + credential.indent(2) + """
                competencies:
                  - code: DEVOPS
                    name: DevOps
                    levels:
                      SILVER:
                        - path: DEVOPS_PARTNER
                          requirements:
                            - people: 2
                              holding: "70-496"
                """;
    }

    private static <T extends Requirement> T requirement(Catalog catalog, String competency, Level level,
                                                         int path, int index, Class<T> kind) {
        CompetencyPath found = catalog.competency(competency).orElseThrow().paths(level).get(path);
        return kind.cast(found.requirements().get(index));
    }

    private static Map<Market, BigDecimal> thresholds(long developed, long developing) {
        return Map.of(Market.DEVELOPED, BigDecimal.valueOf(developed), Market.DEVELOPING, BigDecimal.valueOf(developing));
    }

    private static AnyOf anyOf(Expression... options) {
        return new AnyOf(List.of(options));
    }

    private static AllOf allOf(Expression... parts) {
        return new AllOf(List.of(parts));
    }

    private static Code code(String code) {
        return new Code(code);
    }

    private static AnyOf anyOfCodes(String... codes) {
        return new AnyOf(Arrays.stream(codes).map(Code::new).map(Expression.class::cast).toList());
    }

    @Nested
    class TheFormatsExample {

        /** The example of FORMATS.md, with the credentials it names declared. */
        private static final String EXAMPLE = """
                version: 1
                credentials:
                  - code: "70-533"            # exam, certification or assessment code as it appears in achievements.csv
                    type: EXAM                # EXAM | CERTIFICATION | ASSESSMENT
                    name: Implementing Microsoft Azure Infrastructure Solutions
                    retiredOn: 2017-12-31     # optional
                    acceptedUntil: 2018-12-31 # optional; default = retiredOn; absent both = always accepted
                  - { code: "ASMT-CLOUD-PLATFORM", type: ASSESSMENT, name: Cloud Platform assessment }
                  - { code: "70-532", type: EXAM, name: Developing Microsoft Azure Solutions }
                  - { code: "70-496", type: EXAM, name: Administering Team Foundation Server }
                  - { code: "70-497", type: EXAM, name: Software Testing with Visual Studio }
                  - { code: "70-498", type: EXAM, name: Delivering Continuous Value with Visual Studio ALM }
                  - { code: "PMI-ACP", type: CERTIFICATION, name: PMI Agile Certified Practitioner }
                  - { code: "PSM-I", type: CERTIFICATION, name: Professional Scrum Master I }
                  - { code: "CSM", type: CERTIFICATION, name: Certified ScrumMaster }
                competencies:
                  - code: CLOUD_PLATFORM
                    name: Cloud Platform
                    levels:
                      SILVER:
                        - path: AZURE_CONSUMPTION
                          requirements:
                            - metric: AZURE_CONSUMED_REVENUE_USD
                              atLeast: { DEVELOPED: 15000, DEVELOPING: 10000 }   # or a single number
                              associations: [DPOR, TRANSACTING]                 # optional; default all but TRIAL
                            - people: 1
                              holding: { anyOf: ["ASMT-CLOUD-PLATFORM", "70-532", "70-533"] }
                      GOLD:
                        - path: AZURE_CONSUMPTION
                          requirements:
                            - metric: AZURE_CONSUMED_REVENUE_USD
                              atLeast: 100000
                            - people: 2
                              holding: { anyOf: ["ASMT-CLOUD-PLATFORM", "70-532", "70-533"] }
                  - code: DEVOPS
                    name: DevOps
                    levels:
                      SILVER:
                        - path: DEVOPS_PARTNER
                          requirements:
                            - people: 2
                              holding: { allOf: ["70-496", "70-498"] }
                              ofWhom: { people: 1, holding: { anyOf: ["70-497", "PMI-ACP", "PSM-I", "CSM"] } }
                """;

        private final Catalog catalog = load(EXAMPLE);

        @Test
        void readsTheVersionAndSetsNoLimitPerPerson() {
            assertThat(catalog.version()).isEqualTo(1);
            assertThat(catalog.maxCompetenciesPerPerson()).isNull();
        }

        @Test
        void readsCredentialsWithTheirDatesAndTypes() {
            assertThat(catalog.credential("70-533")).contains(new Credential("70-533", CredentialType.EXAM,
                    "Implementing Microsoft Azure Infrastructure Solutions", LocalDate.of(2017, 12, 31),
                    LocalDate.of(2018, 12, 31)));
            assertThat(catalog.credential("PSM-I")).hasValueSatisfying(credential -> {
                assertThat(credential.type()).isEqualTo(CredentialType.CERTIFICATION);
                assertThat(credential.lastAcceptedDay()).isNull();
            });
            assertThat(catalog.credentials()).hasSize(9);
        }

        @Test
        void keepsCompetenciesInFileOrderWithTheirLevels() {
            assertThat(catalog.competencies()).extracting(Competency::code).containsExactly("CLOUD_PLATFORM", "DEVOPS");
            assertThat(catalog.competency("CLOUD_PLATFORM").orElseThrow().levels())
                    .containsOnlyKeys(Level.SILVER, Level.GOLD);
            assertThat(catalog.competency("DEVOPS").orElseThrow().paths(Level.GOLD)).isEmpty();
        }

        @Test
        void readsAPerMarketThresholdWithTheNamedAssociations() {
            MetricRequirement metric = requirement(catalog, "CLOUD_PLATFORM", Level.SILVER, 0, 0,
                    MetricRequirement.class);

            assertThat(metric.metric()).isEqualTo("AZURE_CONSUMED_REVENUE_USD");
            assertThat(metric.atLeast()).isEqualTo(thresholds(15000, 10000));
            assertThat(metric.associations()).containsExactlyInAnyOrder(Association.DPOR, Association.TRANSACTING);
        }

        @Test
        void appliesASingleThresholdToEveryMarketAndCountsAllButTrialsByDefault() {
            MetricRequirement metric = requirement(catalog, "CLOUD_PLATFORM", Level.GOLD, 0, 0,
                    MetricRequirement.class);

            assertThat(metric.atLeast()).isEqualTo(thresholds(100000, 100000));
            assertThat(metric.associations()).isEqualTo(Association.defaultQualifying());
        }

        @Test
        void readsAPeopleRequirementWithItsExpression() {
            PeopleRequirement people = requirement(catalog, "CLOUD_PLATFORM", Level.GOLD, 0, 1,
                    PeopleRequirement.class);

            assertThat(people).isEqualTo(new PeopleRequirement(2,
                    anyOfCodes("ASMT-CLOUD-PLATFORM", "70-532", "70-533"), null));
        }

        @Test
        void readsOfWhom() {
            PeopleRequirement people = requirement(catalog, "DEVOPS", Level.SILVER, 0, 0, PeopleRequirement.class);

            assertThat(people.holding()).isEqualTo(allOf(code("70-496"), code("70-498")));
            assertThat(people.ofWhom()).isEqualTo(new PeopleRequirement.OfWhom(1,
                    anyOfCodes("70-497", "PMI-ACP", "PSM-I", "CSM")));
        }
    }

    @Nested
    class Expressions {

        @Test
        void nestFreely() {
            Catalog catalog = load(catalogWithRequirement("""
                    - people: 1
                      holding:
                        anyOf:
                          - allOf: ["70-496", { anyOf: ["70-497", "PSM-I"] }]
                          - "70-498"
                    """));

            assertThat(requirement(catalog, "DEVOPS", Level.SILVER, 0, 0, PeopleRequirement.class).holding())
                    .isEqualTo(anyOf(allOf(code("70-496"), anyOf(code("70-497"), code("PSM-I"))), code("70-498")));
        }

        @Test
        void acceptAnUnquotedWholeNumberAsACode() {
            Catalog catalog = load("""
                    version: 1
                    credentials:
                      - { code: 12345, type: EXAM, name: A numbered exam }
                    competencies:
                      - code: NUMBERED
                        name: Numbered
                        levels:
                          SILVER:
                            - path: ONE
                              requirements:
                                - { people: 1, holding: 12345 }
                    """);

            assertThat(catalog.credential("12345")).isPresent();
            assertThat(requirement(catalog, "NUMBERED", Level.SILVER, 0, 0, PeopleRequirement.class).holding())
                    .isEqualTo(code("12345"));
        }
    }

    @Nested
    class Options {

        @Test
        void maxCompetenciesPerPersonIsRead() {
            Catalog catalog = load(catalogWithRequirement(A_REQUIREMENT) + "maxCompetenciesPerPerson: 3\n");

            assertThat(catalog.maxCompetenciesPerPerson()).isEqualTo(3);
        }

        @Test
        void maxCompetenciesPerPersonBelowOneIsRefused() {
            assertRefused(catalogWithRequirement(A_REQUIREMENT) + "maxCompetenciesPerPerson: 0\n")
                    .hasMessage("test.yml: maxCompetenciesPerPerson must be at least 1, found 0");
        }

        @Test
        void anExplicitlyTaggedTimestampIsReadAsItsUtcDay() {
            Catalog catalog = load(catalogWithCredential("""
                    - { code: "OLD", type: EXAM, name: Old exam, retiredOn: !!timestamp 2017-09-30 }
                    """));

            assertThat(catalog.credential("OLD").orElseThrow().retiredOn()).isEqualTo(LocalDate.of(2017, 9, 30));
        }
    }

    @Nested
    class TheDefaultCatalogue {

        private final Catalog catalog = CatalogLoader.loadDefault();

        @Test
        void holdsEveryCompetencyInCatalogueOrder() {
            assertThat(catalog.competencies()).extracting(Competency::code).containsExactly("CLOUD_PLATFORM",
                    "CLOUD_PRODUCTIVITY", "DATA_ANALYTICS", "APPLICATION_DEVELOPMENT", "DATACENTER",
                    "SMALL_MIDMARKET_CLOUD", "COLLABORATION_CONTENT", "MESSAGING", "ENTERPRISE_MOBILITY",
                    "CLOUD_BUSINESS_APPLICATIONS", "DATA_PLATFORM", "DEVOPS", "WINDOWS_DEVICES");
        }

        @Test
        void hasThePathsOfEachLevelInOrder() {
            Map<String, List<String>> silver = new LinkedHashMap<>();
            Map<String, List<String>> gold = new LinkedHashMap<>();
            for (Competency competency : catalog.competencies()) {
                silver.put(competency.code(), competency.paths(Level.SILVER).stream().map(CompetencyPath::code).toList());
                gold.put(competency.code(), competency.paths(Level.GOLD).stream().map(CompetencyPath::code).toList());
            }

            assertThat(silver).containsExactly(
                    Map.entry("CLOUD_PLATFORM", List.of("AZURE_CONSUMPTION")),
                    Map.entry("CLOUD_PRODUCTIVITY", List.of("MANAGED_SERVICES")),
                    Map.entry("DATA_ANALYTICS", List.of("SPECIALIST", "BEGINNERS", "POWER_BI")),
                    Map.entry("APPLICATION_DEVELOPMENT", List.of("APP_BUILDER")),
                    Map.entry("DATACENTER", List.of("DATACENTER_SOLUTIONS")),
                    Map.entry("SMALL_MIDMARKET_CLOUD", List.of("O365_SERVICES")),
                    Map.entry("COLLABORATION_CONTENT", List.of("SHAREPOINT_SERVICES")),
                    Map.entry("MESSAGING", List.of("HYBRID_SERVICES")),
                    Map.entry("ENTERPRISE_MOBILITY", List.of("ENTERPRISE", "SMB")),
                    Map.entry("CLOUD_BUSINESS_APPLICATIONS", List.of("CUSTOMER_ENGAGEMENT")),
                    Map.entry("DATA_PLATFORM", List.of("BIG_DATA")),
                    Map.entry("DEVOPS", List.of("DEVOPS_PARTNER")),
                    Map.entry("WINDOWS_DEVICES", List.of("SURFACE_HUB")));
            assertThat(gold).isEqualTo(silver.entrySet().stream().collect(LinkedHashMap::new,
                    (map, entry) -> map.put(entry.getKey(), entry.getKey().equals("ENTERPRISE_MOBILITY")
                            ? List.of("ENTERPRISE") : entry.getValue()),
                    Map::putAll));
        }

        @Test
        void declaresExactlyTheCredentialCodesTheSampleDataUses() {
            Map<CredentialType, Set<String>> byType = Map.of(
                    CredentialType.ASSESSMENT, Set.of("ASMT-CLOUD-PLATFORM", "ASMT-AZURE-DATA-ANALYTICS",
                            "ASMT-AZURE-APP-DEV", "ASMT-AZURE-IOT", "ASMT-AZURE-RDS", "ASMT-DATA-ANALYTICS-FOUNDATIONAL",
                            "ASMT-BI", "ASMT-ADVANCED-ANALYTICS", "ASMT-BIG-DATA", "ASMT-EMS-OVERVIEW", "ASMT-EMS-MDM",
                            "ASMT-EMS-IDENTITY-ACCESS", "ASMT-EMS-INFORMATION-PROTECTION", "ASMT-EMS-CLOUD-APP-SECURITY",
                            "ASMT-DATA-PLATFORM-FOUNDATIONAL", "ASMT-SQL-2016", "ASMT-AZURE-DATA-WAREHOUSE",
                            "ASMT-AZURE-DATA-SERVICES", "ASMT-SURFACE-HUB"),
                    CredentialType.CERTIFICATION, Set.of("MCSA-LINUX-ON-AZURE", "MCSA-OFFICE-365", "MCSD-APP-BUILDER",
                            "MCSA-WINDOWS-SERVER-2012", "MCSA-WINDOWS-SERVER-2016", "MCSE-PRODUCTIVITY", "PMI-ACP",
                            "PSM-I", "CSM"),
                    CredentialType.EXAM, Set.of("70-532", "70-533", "70-534", "70-535", "70-473", "70-475", "70-346",
                            "70-347", "70-767", "70-768", "70-773", "70-774", "70-775", "70-480", "70-483", "70-486",
                            "70-357", "70-354", "70-355", "70-487", "70-246", "70-247", "74-409", "70-410", "70-411",
                            "70-412", "70-413", "70-414", "70-417", "70-740", "70-741", "70-742", "70-743", "70-744",
                            "70-339", "70-345", "MB2-715", "MB2-716", "MB2-717", "MB2-718", "MB2-877", "70-496",
                            "70-497", "70-498", "70-334", "70-398", "70-697"));

            for (CredentialType type : CredentialType.values()) {
                assertThat(catalog.credentials().values().stream().filter(c -> c.type() == type)
                        .map(Credential::code)).as(type.name()).containsExactlyInAnyOrderElementsOf(byType.get(type));
            }
        }

        @Test
        void accepts70534UntilTheEndOf2018() {
            Credential exam = catalog.credential("70-534").orElseThrow();

            assertThat(exam.retiredOn()).isEqualTo(LocalDate.of(2017, 12, 31));
            assertThat(exam.acceptedOn(LocalDate.of(2018, 12, 31))).isTrue();
            assertThat(exam.acceptedOn(LocalDate.of(2019, 1, 1))).isFalse();
        }

        @Test
        void accepts70354OnlyUntilItsRetirement() {
            Credential exam = catalog.credential("70-354").orElseThrow();

            assertThat(exam.acceptedOn(LocalDate.of(2017, 9, 30))).isTrue();
            assertThat(exam.acceptedOn(LocalDate.of(2017, 10, 1))).isFalse();
        }

        @Test
        void accepts70246UntilItsGraceDateThoughNoRetirementIsPublished() {
            Credential exam = catalog.credential("70-246").orElseThrow();

            assertThat(exam.retiredOn()).isNull();
            assertThat(exam.lastAcceptedDay()).isEqualTo(LocalDate.of(2018, 12, 31));
        }

        @Test
        void cloudPlatformSilverThresholdsDifferByMarket() {
            MetricRequirement revenue = requirement(catalog, "CLOUD_PLATFORM", Level.SILVER, 0, 0,
                    MetricRequirement.class);

            assertThat(revenue.metric()).isEqualTo("AZURE_CONSUMED_REVENUE_USD");
            assertThat(revenue.atLeast()).isEqualTo(thresholds(15000, 10000));
            assertThat(revenue.associations()).containsExactlyInAnyOrder(Association.DPOR, Association.TRANSACTING);
        }

        @Test
        void cloudPlatformGoldHasOneThresholdForAllMarkets() {
            MetricRequirement revenue = requirement(catalog, "CLOUD_PLATFORM", Level.GOLD, 0, 0,
                    MetricRequirement.class);

            assertThat(revenue.thresholdFor(Market.DEVELOPED)).isEqualByComparingTo("100000");
            assertThat(revenue.thresholdFor(Market.DEVELOPING)).isEqualByComparingTo("100000");
        }

        @Test
        void cloudPlatformCountsTwelveCredentialsTowardItsPeople() {
            PeopleRequirement people = requirement(catalog, "CLOUD_PLATFORM", Level.GOLD, 0, 1,
                    PeopleRequirement.class);

            assertThat(people.people()).isEqualTo(2);
            assertThat(people.holding().codes()).hasSize(12).contains("70-534", "MCSA-LINUX-ON-AZURE");
        }

        @Test
        void cloudProductivityLeavesTrialsOut() {
            MetricRequirement entitlements = requirement(catalog, "CLOUD_PRODUCTIVITY", Level.SILVER, 0, 0,
                    MetricRequirement.class);

            assertThat(entitlements.metric()).isEqualTo("O365_ACTIVE_ENTITLEMENTS");
            assertThat(entitlements.associations()).doesNotContain(Association.TRIAL);
            assertThat(requirement(catalog, "CLOUD_PRODUCTIVITY", Level.SILVER, 0, 1, PeopleRequirement.class)
                    .holding()).isEqualTo(anyOf(allOf(code("70-346"), code("70-347")), code("MCSA-OFFICE-365")));
        }

        @Test
        void dataAnalyticsSpecialistsPassTheFoundationAndOneWholeFocusArea() {
            PeopleRequirement specialists = requirement(catalog, "DATA_ANALYTICS", Level.GOLD, 0, 0,
                    PeopleRequirement.class);

            assertThat(specialists.people()).isEqualTo(2);
            assertThat(specialists.holding()).isEqualTo(allOf(code("ASMT-DATA-ANALYTICS-FOUNDATIONAL"), anyOf(
                    allOf(code("70-767"), code("70-768")),
                    allOf(code("70-773"), code("70-774")),
                    allOf(code("70-475"), code("70-775")))));
        }

        @Test
        void smallMidmarketCloudSilverAsksOnlyForNewCustomers() {
            List<Requirement> requirements = catalog.competency("SMALL_MIDMARKET_CLOUD").orElseThrow()
                    .paths(Level.SILVER).get(0).requirements();

            assertThat(requirements).singleElement().isEqualTo(new MetricRequirement("O365_NEW_CUSTOMERS",
                    thresholds(4, 4), EnumSet.of(Association.DPOR, Association.TRANSACTING,
                            Association.DELEGATED_ADMIN)));
        }

        @Test
        void cloudBusinessApplicationsGoldAsksForTwoGroupsOfFifteen() {
            List<Requirement> requirements = catalog.competency("CLOUD_BUSINESS_APPLICATIONS").orElseThrow()
                    .paths(Level.GOLD).get(0).requirements();

            assertThat(requirements).containsExactly(
                    new MetricRequirement("CRM_NET_NEW_REVENUE_USD", thresholds(300000, 150000),
                            EnumSet.of(Association.DPOR)),
                    new PeopleRequirement(15, allOf(code("MB2-715"), code("MB2-716")), null),
                    new PeopleRequirement(15, anyOfCodes("MB2-717", "MB2-718", "MB2-877"), null));
        }

        @Test
        void devopsGoldAsksTwoOfTheFourForAnAgileCredential() {
            PeopleRequirement devops = requirement(catalog, "DEVOPS", Level.GOLD, 0, 0, PeopleRequirement.class);

            assertThat(devops.people()).isEqualTo(4);
            assertThat(devops.ofWhom()).isEqualTo(new PeopleRequirement.OfWhom(2,
                    anyOfCodes("70-497", "PMI-ACP", "PSM-I", "CSM")));
        }

        @Test
        void windowsDevicesGoldAsksTheSameFourForAWindowsExam() {
            List<Requirement> requirements = catalog.competency("WINDOWS_DEVICES").orElseThrow()
                    .paths(Level.GOLD).get(0).requirements();

            assertThat(requirements).containsExactly(
                    new MetricRequirement("SURFACE_HUB_DEVICES_SHIPPED", thresholds(52, 52),
                            Association.defaultQualifying()),
                    new PeopleRequirement(4, allOf(code("ASMT-SURFACE-HUB"),
                            anyOfCodes("70-347", "70-334", "70-398", "70-697")), null));
        }

        @Test
        void usesOnlyThePublishedMetricCodes() {
            assertThat(catalog.competencies().stream()
                    .flatMap(c -> c.levels().values().stream()).flatMap(List::stream)
                    .flatMap(p -> p.requirements().stream())
                    .filter(MetricRequirement.class::isInstance).map(r -> ((MetricRequirement) r).metric()).distinct())
                    .containsExactlyInAnyOrder("AZURE_CONSUMED_REVENUE_USD", "O365_ACTIVE_ENTITLEMENTS",
                            "POWERBI_DEPLOYED_SEATS", "O365_NEW_CUSTOMERS", "EMS_NEW_CUSTOMERS",
                            "EMS_ACTIVE_ENTITLEMENTS", "CRM_NET_NEW_REVENUE_USD", "SURFACE_HUB_DEVICES_SHIPPED");
        }
    }

    @Nested
    class CatalogueFiles {

        @Test
        void aCatalogueFileIsReadAndNamedInMessages(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("mine.yml");
            Files.writeString(file, catalogWithRequirement(A_REQUIREMENT));

            assertThat(CatalogLoader.load(file).competencies()).hasSize(1);
        }

        @Test
        void aMissingFileIsRefusedNamingItsPath(@TempDir Path dir) {
            Path file = dir.resolve("absent.yml");

            assertThatThrownBy(() -> CatalogLoader.load(file)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void messagesAboutAFileNameItsPath(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("bad.yml");
            Files.writeString(file, "version: 2\n");

            assertThatThrownBy(() -> CatalogLoader.load(file)).isInstanceOf(CatalogException.class)
                    .hasMessage(file + ": version must be 1, found 2");
        }
    }

    @Nested
    class RefusedDocuments {

        @Test
        void aYamlSyntaxErrorNamesItsLine() {
            assertRefused("""
                    version: 1
                    credentials: []
                    competencies: [ { code: X
                    """).hasMessageStartingWith("test.yml: line 4, column 1: invalid YAML:");
        }

        @Test
        void aRepeatedKeyIsRefusedWithItsLine() {
            assertRefused(catalogWithLevels("""
                    SILVER:
                      - path: A
                        requirements: [ { people: 1, holding: "70-496" } ]
                    SILVER:
                      - path: B
                        requirements: [ { people: 1, holding: "70-498" } ]
                    """)).hasMessageContaining("test.yml: line 14, column 7").hasMessageContaining("duplicate key SILVER");
        }

        @Test
        void anEmptyDocumentIsRefused() {
            assertRefused("# nothing here\n").hasMessage("test.yml: the catalogue is empty");
        }

        @Test
        void aListAtTopLevelIsRefused() {
            assertRefused("- version: 1\n")
                    .hasMessage("test.yml: the catalogue must be a YAML mapping at top level, found a list");
        }

        @Test
        void aMissingVersionIsRefused() {
            assertRefused(CREDENTIALS + "competencies: []\n").hasMessage("test.yml: version is required");
        }

        @Test
        void anotherVersionIsRefused() {
            assertRefused(catalogWithRequirement(A_REQUIREMENT).replace("version: 1", "version: 2"))
                    .hasMessage("test.yml: version must be 1, found 2");
        }

        @Test
        void anUnknownKeyIsRefusedRatherThanIgnored() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: 3
                      association: [DPOR]
                    """)).hasMessage(REQUIREMENT + "unknown key 'association' (expected metric, atLeast, associations)");
        }

        @Test
        void missingCompetenciesAreRefused() {
            assertRefused("version: 1\n" + CREDENTIALS).hasMessage("test.yml: competencies is required");
        }
    }

    @Nested
    class RefusedCredentials {

        @Test
        void aRepeatedCodeIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "70-497", type: EXAM, name: Again }
                    """)).hasMessage("test.yml: credentials[4] (70-497): repeats the credential code '70-497' of "
                    + "credentials[1]");
        }

        @Test
        void anUnknownTypeIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "COURSE-1", type: COURSE, name: A course }
                    """)).hasMessage("test.yml: credentials[4] (COURSE-1): type names unknown credential type "
                    + "'COURSE' (expected one of EXAM, CERTIFICATION, ASSESSMENT)");
        }

        @Test
        void aMissingCodeIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { type: EXAM, name: Nameless }
                    """)).hasMessage("test.yml: credentials[4]: code is required");
        }

        @Test
        void aMissingTypeIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "70-999", name: Untyped }
                    """)).hasMessage("test.yml: credentials[4] (70-999): type is required");
        }

        @Test
        void aMissingNameIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "70-999", type: EXAM }
                    """)).hasMessage("test.yml: credentials[4] (70-999): name is required");
        }

        @Test
        void aDateThatDoesNotExistIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "70-999", type: EXAM, name: Retired, retiredOn: 2017-02-30 }
                    """)).hasMessage("test.yml: credentials[4] (70-999): retiredOn must be a date YYYY-MM-DD, "
                    + "found '2017-02-30'");
        }

        @Test
        void aDateInWordsIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "70-999", type: EXAM, name: Retired, acceptedUntil: end of 2018 }
                    """)).hasMessage("test.yml: credentials[4] (70-999): acceptedUntil must be a date YYYY-MM-DD, "
                    + "found 'end of 2018'");
        }

        @Test
        void acceptedUntilBeforeRetiredOnIsRefused() {
            assertRefused(catalogWithCredential("""
                    - { code: "70-999", type: EXAM, name: Retired, retiredOn: 2017-12-31, acceptedUntil: 2017-06-30 }
                    """)).hasMessage("test.yml: credentials[4] (70-999): acceptedUntil 2017-06-30 is before "
                    + "retiredOn 2017-12-31");
        }

        @Test
        void aDecimalCodeIsRefusedBecauseItsTextWouldChange() {
            assertRefused(catalogWithCredential("""
                    - { code: 70.10, type: EXAM, name: Decimal }
                    """)).hasMessage("test.yml: credentials[4]: code must be text (quote it if YAML reads it as "
                    + "something else), found 70.1");
        }
    }

    @Nested
    class RefusedCompetencies {

        @Test
        void aRepeatedCompetencyCodeIsRefused() {
            String catalogue = catalogWithRequirement(A_REQUIREMENT);
            assertRefused(catalogue + catalogue.substring(catalogue.indexOf("  - code: DEVOPS")))
                    .hasMessage("test.yml: competencies[1] (DEVOPS): repeats the competency code 'DEVOPS' of "
                            + "competencies[0]");
        }

        @Test
        void aRepeatedPathCodeWithinALevelIsRefused() {
            assertRefused(catalogWithLevels("""
                    GOLD:
                      - path: A
                        requirements: [ { people: 1, holding: "70-496" } ]
                      - path: A
                        requirements: [ { people: 1, holding: "70-498" } ]
                    """)).hasMessage("test.yml: competencies[0] (DEVOPS) levels.GOLD paths[1] (A): repeats the "
                    + "path code 'A' of paths[0] in this level");
        }

        @Test
        void theSamePathCodeAtBothLevelsIsAccepted() {
            Catalog catalog = load(catalogWithLevels("""
                    SILVER:
                      - path: A
                        requirements: [ { people: 1, holding: "70-496" } ]
                    GOLD:
                      - path: A
                        requirements: [ { people: 2, holding: "70-496" } ]
                    """));

            assertThat(catalog.competency("DEVOPS").orElseThrow().paths(Level.GOLD)).extracting(CompetencyPath::code)
                    .containsExactly("A");
        }

        @Test
        void aLevelWithAnEmptyListOfPathsIsRefused() {
            assertRefused(catalogWithLevels("GOLD: []\n"))
                    .hasMessage("test.yml: competencies[0] (DEVOPS) levels.GOLD: has no path; a level needs at least one");
        }

        @Test
        void aLevelWithNothingUnderItIsRefused() {
            assertRefused(catalogWithLevels("SILVER:\n"))
                    .hasMessage("test.yml: competencies[0] (DEVOPS) levels.SILVER: has no path; a level needs at "
                            + "least one");
        }

        @Test
        void anUnknownLevelIsRefused() {
            assertRefused(catalogWithLevels("""
                    PLATINUM:
                      - path: A
                        requirements: [ { people: 1, holding: "70-496" } ]
                    """)).hasMessage("test.yml: competencies[0] (DEVOPS): levels names unknown level 'PLATINUM' "
                    + "(expected SILVER or GOLD)");
        }

        @Test
        void aMissingCompetencyCodeIsRefused() {
            assertRefused(catalogWithLevels("SILVER: []\n").replace("- code: DEVOPS", "- code:"))
                    .hasMessage("test.yml: competencies[0]: code is required");
        }

        @Test
        void aMissingCompetencyNameIsRefused() {
            assertRefused(catalogWithLevels("SILVER: []\n").replace("name: DevOps", ""))
                    .hasMessage("test.yml: competencies[0] (DEVOPS): name is required");
        }

        @Test
        void aMissingPathCodeIsRefused() {
            assertRefused(catalogWithLevels("""
                    SILVER:
                      - requirements: [ { people: 1, holding: "70-496" } ]
                    """)).hasMessage("test.yml: competencies[0] (DEVOPS) levels.SILVER paths[0]: path is required");
        }

        @Test
        void aPathWithoutRequirementsIsRefused() {
            assertRefused(catalogWithLevels("""
                    SILVER:
                      - path: A
                    """)).hasMessage("test.yml: competencies[0] (DEVOPS) levels.SILVER paths[0] (A): requirements "
                    + "is required");
        }

        @Test
        void aPathWithAnEmptyListOfRequirementsIsRefused() {
            assertRefused(catalogWithLevels("""
                    SILVER:
                      - path: A
                        requirements: []
                    """)).hasMessage("test.yml: competencies[0] (DEVOPS) levels.SILVER paths[0] (A): requirements "
                    + "must name at least one requirement");
        }
    }

    @Nested
    class RefusedRequirements {

        @Test
        void anUnknownCredentialIsRefusedNamingItsCode() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: "70-999"
                    """)).hasMessage(REQUIREMENT + "holding names unknown credential '70-999'");
        }

        @Test
        void anUnknownCredentialDeepInOfWhomIsRefusedNamingWhereInTheExpression() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: { allOf: ["70-496", "70-498"] }
                      ofWhom: { people: 1, holding: { anyOf: ["70-497", { allOf: ["PSM-I", "PSM-II"] }] } }
                    """)).hasMessage(REQUIREMENT + "ofWhom.holding.anyOf[1].allOf[1] names unknown credential 'PSM-II'");
        }

        @Test
        void aRequirementThatIsNeitherPeopleNorMetricIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - holding: "70-496"
                    """)).hasMessage(REQUIREMENT + "must be a people requirement {people, holding, ofWhom?} or a "
                    + "metric requirement {metric, atLeast, associations?}");
        }

        @Test
        void aRequirementThatIsBothPeopleAndMetricIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: "70-496"
                      metric: EMS_NEW_CUSTOMERS
                      atLeast: 3
                    """)).hasMessage(REQUIREMENT + "names both people and metric; a requirement is one or the other");
        }

        @Test
        void fewerThanOnePersonIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 0
                      holding: "70-496"
                    """)).hasMessage(REQUIREMENT + "people must be at least 1, found 0");
        }

        @Test
        void peopleThatIsNotAWholeNumberIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: two
                      holding: "70-496"
                    """)).hasMessage(REQUIREMENT + "people must be a whole number, found 'two'");
        }

        @Test
        void aMissingHoldingIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                    """)).hasMessage(REQUIREMENT + "holding is required");
        }

        @Test
        void aBareListAsAnExpressionIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: ["70-496", "70-498"]
                    """)).hasMessage(REQUIREMENT + "holding is a bare list; write {anyOf: [...]} or {allOf: [...]}");
        }

        @Test
        void aBooleanAsAnExpressionIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: yes
                    """)).hasMessage(REQUIREMENT + "holding must be a credential code, {anyOf: [...]} or {allOf: [...]}, "
                    + "found true");
        }

        @Test
        void anEmptyAnyOfIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: { anyOf: [] }
                    """)).hasMessage(REQUIREMENT + "holding.anyOf must be a non-empty list, found a list");
        }

        @Test
        void anExpressionWithAnUnknownOperatorIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: { oneOf: ["70-496", "70-498"] }
                    """)).hasMessage(REQUIREMENT + "holding must have exactly one key, anyOf or allOf, found [oneOf]");
        }

        @Test
        void ofWhomBelowOneIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: { allOf: ["70-496", "70-498"] }
                      ofWhom: { people: 0, holding: "70-497" }
                    """)).hasMessage(REQUIREMENT + "ofWhom.people must be between 1 and people (2), found 0");
        }

        @Test
        void ofWhomAboveThePeopleIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: { allOf: ["70-496", "70-498"] }
                      ofWhom: { people: 3, holding: "70-497" }
                    """)).hasMessage(REQUIREMENT + "ofWhom.people must be between 1 and people (2), found 3");
        }

        @Test
        void ofWhomWithoutHoldingIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - people: 2
                      holding: { allOf: ["70-496", "70-498"] }
                      ofWhom: { people: 1 }
                    """)).hasMessage(REQUIREMENT + "ofWhom.holding is required");
        }

        @Test
        void aMissingThresholdIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                    """)).hasMessage(REQUIREMENT + "atLeast is required");
        }

        @Test
        void aNegativeThresholdIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: -3
                    """)).hasMessage(REQUIREMENT + "atLeast must not be negative, found -3");
        }

        @Test
        void aNegativeThresholdForOneMarketIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: { DEVELOPED: 3, DEVELOPING: -1.5 }
                    """)).hasMessage(REQUIREMENT + "atLeast.DEVELOPING must not be negative, found -1.5");
        }

        @Test
        void aThresholdThatIsNotANumberIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: "3"
                    """)).hasMessage(REQUIREMENT + "atLeast must be a number, found '3'");
        }

        @Test
        void aPerMarketThresholdMissingAMarketIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: { DEVELOPED: 3 }
                    """)).hasMessage(REQUIREMENT + "atLeast.DEVELOPING is required");
        }

        @Test
        void aPerMarketThresholdNamingAnUnknownMarketIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: { DEVELOPED: 3, DEVELOPING: 2, EMERGING: 1 }
                    """)).hasMessage(REQUIREMENT + "atLeast names unknown market 'EMERGING' (expected one of "
                    + "DEVELOPED, DEVELOPING)");
        }

        @Test
        void anUnknownAssociationIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: 3
                      associations: [DPOR, RESELLER]
                    """)).hasMessage(REQUIREMENT + "associations names unknown association 'RESELLER' (expected one "
                    + "of DPOR, TRANSACTING, DELEGATED_ADMIN, FASTTRACK, TRIAL)");
        }

        @Test
        void anEmptyListOfAssociationsIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric: EMS_NEW_CUSTOMERS
                      atLeast: 3
                      associations: []
                    """)).hasMessage(REQUIREMENT + "associations must name at least one association");
        }

        @Test
        void aMissingMetricCodeIsRefused() {
            assertRefused(catalogWithRequirement("""
                    - metric:
                      atLeast: 3
                    """)).hasMessage(REQUIREMENT + "metric is required");
        }
    }
}
