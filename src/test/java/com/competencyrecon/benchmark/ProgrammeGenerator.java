package com.competencyrecon.benchmark;

import com.competencyrecon.benchmark.FeedFile.ExpectedReject;
import com.competencyrecon.benchmark.FeedFile.Fault;
import com.competencyrecon.benchmark.FeedFile.Shape;
import com.competencyrecon.benchmark.Recipes.Metric;
import com.competencyrecon.benchmark.Recipes.Recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a whole programme in the feed formats: night 1 ({@value #NIGHT_1}) a full load of the seven feeds,
 * night 2 ({@value #NIGHT_2}) a delta in which about {@code changed} of the records change or are added
 * (new and corrected achievements, expiries, revocations, a new metric month, moves between organisations,
 * departures, new hires, renewals), each night with about 0.1 % bad rows of every kind.
 * <p>
 * Each organisation is drawn from its own random stream (seed and index), so the files are byte-identical
 * for one seed and size, and the programme is written one organisation at a time: nothing larger than one
 * organisation is ever held in memory.
 */
public final class ProgrammeGenerator {

    static final String NIGHT_1 = "2026-11-23";
    static final String NIGHT_2 = "2026-11-24";
    static final double BAD_SHARE = 0.001;
    /** Bad rows of one kind in one feed at most, so that no feed passes the default reject limit (1000). */
    static final int MAX_BAD_PER_KIND = 150;

    private static final LocalDate D1 = LocalDate.parse(NIGHT_1);
    private static final LocalDate D2 = LocalDate.parse(NIGHT_2);
    private static final long DAY = 86_400;
    private static final List<YearMonth> MONTHS = months(YearMonth.of(2025, 12), YearMonth.of(2026, 10));
    private static final String NOVEMBER = "2026-11";
    private static final String[] FEEDS = {"organizations.csv", "users.csv", "msa-links.csv", "achievements.csv",
            "metrics.csv", "memberships.csv", "overrides.csv"};
    private static final Shape[] SHAPES = {
            new Shape("org_id,name,market,country", 0, List.of(new Fault("MISSING_FIELD", 1, null),
                    new Fault("BAD_ENUM", 2, "EMERGING")), 1),
            new Shape("user_id,org_id,email,status,changed_at", 0, List.of(new Fault("MISSING_FIELD", 3, null),
                    new Fault("BAD_TIMESTAMP", 4, "2026-11-31 25:00"), new Fault("UNKNOWN_ORG", 1, "ORG-UNKNOWN-")), 2),
            new Shape("event_id,msa_id,user_id,action,occurred_at", 0, List.of(new Fault("MISSING_FIELD", 2, null),
                    new Fault("BAD_TIMESTAMP", 4, "2026-11-31 25:00"), new Fault("UNKNOWN_USER", 2, "u-unknown-")), 4),
            new Shape("record_id,msa_id,credential,earned_at,expires_on,status,source", 0, List.of(
                    new Fault("MISSING_FIELD", 2, null), new Fault("BAD_TIMESTAMP", 3, "2026-11-31 25:00"),
                    new Fault("BAD_ENUM", 5, "PENDING")), 6),
            new Shape("org_id,metric,month,value,association", -1, List.of(new Fault("MISSING_FIELD", 3, null),
                    new Fault("BAD_DATE", 2, "2026-13"), new Fault("UNKNOWN_ORG", 0, "ORG-UNKNOWN-")), 3),
            new Shape("order_id,org_id,level,purchased_on", 0, List.of(new Fault("MISSING_FIELD", 2, null),
                    new Fault("BAD_DATE", 3, "2026-02-30"), new Fault("UNKNOWN_ORG", 1, "ORG-UNKNOWN-")), 2),
            new Shape("override_id,org_id,competency,level,valid_from,valid_until,reason,granted_by", 0, List.of(
                    new Fault("MISSING_FIELD", 2, null), new Fault("BAD_DATE", 4, "2026-02-30"),
                    new Fault("UNKNOWN_ORG", 1, "ORG-UNKNOWN-")), 6)};
    private static final int ORGS = 0, USERS = 1, LINKS = 2, ACHIEVEMENTS = 3, METRICS = 4, MEMBERSHIPS = 5,
            OVERRIDES = 6;

    private static final String[] SOURCES = {"Pearson VUE", "Certiport", "Microsoft Learn", "Credly"};
    private static final String[] FIRST = {"oliver", "amelia", "lars", "ingrid", "aarav", "priya", "mateo",
            "valentina", "joao", "ana", "minh", "lan", "wanjiru", "otieno", "haruto", "yui", "lukas", "anna",
            "youssef", "salma", "jan", "zofia", "liam", "chloe"};
    private static final String[] LAST = {"smith", "walsh", "hansen", "berg", "patel", "sharma", "garcia",
            "rojas", "silva", "costa", "nguyen", "tran", "kamau", "njeri", "sato", "mueller", "becker", "alami",
            "kowalski", "nowak", "obrien", "reid"};
    private static final String[] WORDS = {"Kestrel", "Bluefjord", "Andes", "Sahyadri", "Harbourline", "Maple",
            "Rheinwerk", "Polaris", "Sertao", "Vltava", "Mekong", "Tamarind", "Atacama", "Zephyr", "Cedar",
            "Isthmus", "Sahara", "Lumen", "Granite", "Juniper", "Orchid", "Summit", "Coral", "Aurora"};
    private static final String[] TRADES = {"Cloudworks", "Data", "Digital", "Infotech", "Consulting", "Solutions",
            "IT-Beratung", "Systems", "Software", "Networks", "Labs", "Analytics"};
    private static final String[] FORMS = {"Ltd", "GmbH", "Inc.", "S.A.", "Pty Ltd", "Oy", "AS", "Sdn Bhd", "K.K."};
    private static final String[][] COUNTRIES = {{"GB", "DEVELOPED"}, {"DE", "DEVELOPED"}, {"US", "DEVELOPED"},
            {"FR", "DEVELOPED"}, {"NO", "DEVELOPED"}, {"JP", "DEVELOPED"}, {"AU", "DEVELOPED"}, {"CA", "DEVELOPED"},
            {"IE", "DEVELOPED"}, {"PL", "DEVELOPED"}, {"IN", "DEVELOPING"}, {"BR", "DEVELOPING"},
            {"VN", "DEVELOPING"}, {"KE", "DEVELOPING"}, {"PE", "DEVELOPING"}, {"MY", "DEVELOPING"},
            {"MA", "DEVELOPING"}, {"CL", "DEVELOPING"}};

    /** What one night's files hold: rows per file and the rows the product must refuse. */
    public record Night(String date, Path dir, Map<String, Long> rows, List<ExpectedReject> rejects) {
    }

    /** The generated programme: its two nights and the people of night 1. */
    public record Programme(ProgrammeSize size, long seed, double changed, long organizations, long people, Night full,
                     Night incremental) {
    }

    private final ProgrammeSize size;
    private final long seed;
    private final double changed;

    public ProgrammeGenerator(ProgrammeSize size, long seed, double changed) {
        this.size = size;
        this.seed = seed;
        this.changed = changed;
    }

    /** Writes {@code root/2026-11-23/} and {@code root/2026-11-24/}, replacing files already there. */
    public Programme write(Path root) throws IOException {
        List<ExpectedReject> rejects1 = new ArrayList<>();
        List<ExpectedReject> rejects2 = new ArrayList<>();
        Path dir1 = Files.createDirectories(root.resolve(NIGHT_1));
        Path dir2 = Files.createDirectories(root.resolve(NIGHT_2));
        FeedFile[] n1 = open(dir1, rejects1, 1);
        FeedFile[] n2 = open(dir2, rejects2, 2);
        long people = 0;
        try {
            int orgs = size.organizations();
            for (int i = 0; i < orgs; i++) {
                people += new Organisation(i, n1, n2).write();
            }
            int added = (int) Math.max(1, Math.round(orgs * changed * 0.1));
            for (int x = 0; x < added; x++) {
                newOrganisation(orgs + x, n2);
            }
        } finally {
            for (FeedFile f : n1) {
                f.close();
            }
            for (FeedFile f : n2) {
                f.close();
            }
        }
        return new Programme(size, seed, changed, size.organizations(), people,
                new Night(NIGHT_1, dir1, rows(n1), rejects1), new Night(NIGHT_2, dir2, rows(n2), rejects2));
    }

    private FeedFile[] open(Path dir, List<ExpectedReject> rejects, int night) {
        FeedFile[] files = new FeedFile[FEEDS.length];
        for (int f = 0; f < FEEDS.length; f++) {
            files[f] = new FeedFile(dir, FEEDS[f], SHAPES[f], rejects, seed * 31 + night, BAD_SHARE, MAX_BAD_PER_KIND);
        }
        return files;
    }

    private static Map<String, Long> rows(FeedFile[] files) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int f = 0; f < FEEDS.length; f++) {
            rows.put(FEEDS[f], files[f].rows());
        }
        return rows;
    }

    private SplittableRandom random(int org, int night) {
        return new SplittableRandom(mix(mix(seed) ^ (org * 0x9E3779B97F4A7C15L + night)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // --- one organisation, both nights ---------------------------------------------------------------------

    private static final class Person {
        final int k;
        String userId, msaId, email;
        long createdAt, linkedAt = -1, deletedAt = -1, unlinkAt = -1, relinkAt = -1;
        boolean recent;
        int previousOrg = -1;
        long previousLinkAt;
        boolean previousDeleted;
        final List<String[]> achievements = new ArrayList<>();

        Person(int k) {
            this.k = k;
        }

        boolean counts() {
            return deletedAt < 0 && linkedAt >= 0;
        }
    }

    private record Series(String metric, String association, long[] values, boolean cents) {
    }

    private enum Target { STARTED, SILVER, GOLD }

    private final class Organisation {
        final int i;
        final FeedFile[] n1, n2;
        final SplittableRandom r;
        final String orgId;
        final List<Person> people = new ArrayList<>();
        final List<Series> series = new ArrayList<>();
        final List<Recipe> focus = new ArrayList<>();
        String name, market, country, domain;
        int seq;
        Target best;
        LocalDate anniversary;
        String memberLevel;
        String[] override;

        Organisation(int i, FeedFile[] n1, FeedFile[] n2) {
            this.i = i;
            this.n1 = n1;
            this.n2 = n2;
            this.r = random(i, 1);
            this.orgId = orgId(i);
        }

        int write() {
            describe();
            n1[ORGS].good(orgId, name, market, country);
            int n = (int) Math.max(2, Math.min(1_500, Math.round(20 * Math.exp(0.8 * r.nextGaussian() - 0.32))));
            for (int k = 0; k < n; k++) {
                people.add(person(k));
            }
            for (Person p : people) {
                everyday(p);
            }
            targets();
            for (Person p : people) {
                writePerson(p);
            }
            noiseSeries();
            for (Series s : series) {
                for (int m = 0; m < MONTHS.size(); m++) {
                    n1[METRICS].good(orgId, s.metric(), MONTHS.get(m).toString(), amount(s.values()[m], s.cents()),
                            s.association());
                }
            }
            memberships();
            override();
            nextNight(random(i, 2));
            return n;
        }

        private void describe() {
            String[] place = COUNTRIES[r.nextInt(COUNTRIES.length)];
            country = place[0];
            market = place[1];
            String word = WORDS[r.nextInt(WORDS.length)];
            double style = r.nextDouble();
            name = style < 0.03 ? word + ", " + capital(LAST[r.nextInt(LAST.length)]) + " & Partners"
                    : style < 0.04 ? word + " \"" + word.substring(0, 3).toUpperCase() + "\" Cloud " + FORMS[0]
                    : word + " " + TRADES[r.nextInt(TRADES.length)] + " " + FORMS[r.nextInt(FORMS.length)];
            domain = word.toLowerCase() + (i + 1) + ".example";
        }

        private Person person(int k) {
            Person p = new Person(k);
            p.userId = "u-" + (i + 1) + "-" + k;
            p.msaId = "msa-" + (i + 1) + "-" + k;
            p.email = FIRST[r.nextInt(FIRST.length)] + "." + LAST[r.nextInt(LAST.length)] + k + "@" + domain;
            boolean leaves = r.nextDouble() < 0.05;
            double how = r.nextDouble();
            if (how < 0.03) {
                p.createdAt = between(r, "2025-01-01", "2026-11-20");   // a new account, no MSA linked yet
            } else if (how < 0.06) {
                p.recent = true;                                       // linked this month: inside the cool-off
                p.linkedAt = between(r, "2026-11-01", "2026-11-21");
            } else if (how < 0.10 && size.organizations() > 1) {
                p.previousOrg = otherOrg(r, i);                        // came from another organisation
                p.previousLinkAt = between(r, "2018-01-01", "2022-06-30");
                p.previousDeleted = r.nextBoolean();
                p.linkedAt = p.previousLinkAt + (60 + r.nextInt(840)) * DAY;
            } else {
                p.linkedAt = between(r, "2018-06-01", "2026-10-15");
                if (!leaves && r.nextDouble() < 0.03) {                // unlinked for a while, then linked again
                    p.unlinkAt = p.linkedAt + (10 + r.nextInt(200)) * DAY;
                    p.relinkAt = p.unlinkAt + (1 + r.nextInt(20)) * DAY;
                    if (p.relinkAt > epoch("2026-11-15")) {
                        p.unlinkAt = p.relinkAt = -1;
                    }
                }
            }
            if (p.linkedAt >= 0) {
                p.createdAt = p.linkedAt - (1 + r.nextInt(30)) * DAY;
            }
            long from = Math.max(p.createdAt, p.linkedAt) + 30 * DAY;
            if (leaves && from < epoch("2026-11-20")) {
                p.deletedAt = from + r.nextLong(epoch("2026-11-20") - from);
            }
            return p;
        }

        private void everyday(Person p) {
            int count = r.nextInt(5) + (r.nextDouble() < 0.3 ? 1 : 0);
            for (int a = 0; a < count; a++) {
                String code = r.nextDouble() < 0.05 ? pick(r, Recipes.ALL.get(r.nextInt(Recipes.ALL.size())).silverHolding().get(0))
                        : Recipes.EVERYDAY.get(r.nextInt(Recipes.EVERYDAY.size()));
                long earned = between(r, "2016-01-01", "2026-11-15");
                String expires = code.startsWith("ASMT-") ? day(earned).plusYears(3).toString()
                        : r.nextDouble() < 0.04 ? day(earned).plusYears(2).toString() : "";
                String status = r.nextDouble() < 0.005 ? "REVOKED" : "ACTIVE";
                p.achievements.add(new String[]{"a-" + (i + 1) + "-" + (seq++), p.msaId, code, instant(earned),
                        expires, status, SOURCES[r.nextInt(SOURCES.length)]});
            }
        }

        /** Chooses the competencies the organisation works towards and gives its people and figures for them. */
        private void targets() {
            double f = r.nextDouble();
            int count = f < 0.12 ? 0 : f < 0.50 ? 1 : f < 0.85 ? 2 : 3;
            List<Person> counted = people.stream().filter(Person::counts).toList();
            while (focus.size() < count) {
                Recipe recipe = weighted(r);
                if (focus.contains(recipe)) {
                    continue;
                }
                focus.add(recipe);
                double l = r.nextDouble();
                Target target = l < 0.55 ? Target.STARTED : l < 0.87 ? Target.SILVER : Target.GOLD;
                if (target == Target.GOLD && recipe.goldPeople() > counted.size()) {
                    target = Target.SILVER;
                }
                if (target == Target.SILVER && recipe.silverPeople() > counted.size()) {
                    target = Target.STARTED;
                }
                aim(recipe, target, counted);
                best = best == null || target.compareTo(best) > 0 ? target : best;
            }
        }

        private void aim(Recipe recipe, Target target, List<Person> counted) {
            boolean hasMetric = !recipe.metrics().isEmpty();
            int holders;
            List<String> holding = recipe.silverHolding();
            boolean metricShort = false;
            switch (target) {
                case GOLD -> {
                    holders = recipe.goldPeople();
                    holding = recipe.goldHolding() != null ? recipe.goldHolding() : holding;
                }
                case SILVER -> holders = recipe.silverPeople();
                default -> {
                    if (recipe.silverPeople() == 0 || hasMetric && (recipe.silverPeople() == 1 || r.nextBoolean())) {
                        metricShort = true;
                        holders = Math.min(recipe.silverPeople(), counted.size());
                    } else if (recipe.silverPeople() > 1) {
                        holders = 1 + r.nextInt(recipe.silverPeople() - 1);
                    } else {
                        holders = 1;
                        holding = recipe.progress();
                    }
                }
            }
            holders = Math.min(holders, counted.size());
            for (Person p : choose(counted, holders)) {
                for (String element : holding) {
                    long earned = D1.minusDays(30 + r.nextInt(870)).toEpochDay() * DAY + (7 + r.nextInt(12)) * 3600L;
                    String code = pick(r, element);
                    String expires = r.nextDouble() < 0.05 ? D1.plusDays(1 + r.nextInt(120)).toString()
                            : code.startsWith("ASMT-") ? day(earned).plusYears(3).toString() : "";
                    p.achievements.add(new String[]{"a-" + (i + 1) + "-" + (seq++), p.msaId, code, instant(earned),
                            expires, "ACTIVE", SOURCES[r.nextInt(SOURCES.length)]});
                }
            }
            boolean developed = market.equals("DEVELOPED");
            for (Metric metric : recipe.metrics()) {
                long silver = metric.threshold(false, developed);
                long gold = metric.threshold(true, developed);
                double total = switch (target) {
                    case GOLD -> gold * (1.05 + r.nextDouble() * 0.95);
                    case SILVER -> silver * 1.05 + r.nextDouble() * Math.max(0, Math.min(silver * 3.0, gold * 0.95) - silver * 1.05);
                    default -> metricShort ? silver * (0.1 + r.nextDouble() * 0.8) : silver * (1.05 + r.nextDouble());
                };
                long units = Math.max(1, (long) Math.ceil(total));
                List<String> associations = metric.associations();
                String first = associations.get(r.nextInt(associations.size()));
                String second = associations.size() > 1 && r.nextDouble() < 0.35
                        ? associations.get(r.nextInt(associations.size())) : first;
                if (second.equals(first)) {
                    addSeries(metric.code(), first, units, metric.cents());
                } else {
                    long part = units / 2 + r.nextLong(units / 2 + 1);
                    addSeries(metric.code(), first, part, metric.cents());
                    addSeries(metric.code(), second, units - part, metric.cents());
                }
            }
        }

        private void noiseSeries() {
            int count = r.nextInt(11);
            for (int s = 0; s < count; s++) {
                int m = r.nextInt(Recipes.METRICS.size());
                String association = Recipes.ASSOCIATIONS.get(r.nextInt(Recipes.ASSOCIATIONS.size()));
                long year = association.equals("TRIAL") ? Recipes.SMALL_YEAR[m] * 20 : Recipes.SMALL_YEAR[m];
                addSeries(Recipes.METRICS.get(m), association, (long) (year * r.nextDouble()), Recipes.CENTS[m]);
            }
        }

        /** A monthly series whose months add up exactly to {@code total}; a metric and association only once. */
        private void addSeries(String metric, String association, long total, boolean cents) {
            for (Series s : series) {
                if (s.metric().equals(metric) && s.association().equals(association)) {
                    return;
                }
            }
            long[] values = new long[MONTHS.size()];
            double[] weights = new double[values.length];
            double sum = 0;
            for (int m = 0; m < weights.length; m++) {
                weights[m] = 0.5 + r.nextDouble();
                sum += weights[m];
            }
            long left = total;
            for (int m = 0; m < values.length - 1; m++) {
                values[m] = (long) Math.floor(total * weights[m] / sum);
                left -= values[m];
            }
            values[values.length - 1] = left;
            series.add(new Series(metric, association, values, cents));
        }

        private void writePerson(Person p) {
            String status = p.deletedAt >= 0 ? "DELETED" : "ACTIVE";
            n1[USERS].good(p.userId, orgId, p.email, status, instant(p.deletedAt >= 0 ? p.deletedAt : p.createdAt));
            if (p.previousOrg >= 0) {
                String before = p.userId + "-prev";
                long left = p.linkedAt - DAY;
                n1[USERS].good(before, orgId(p.previousOrg), p.email.replace(domain, "previous.example"),
                        p.previousDeleted ? "DELETED" : "ACTIVE",
                        instant(p.previousDeleted ? left : p.previousLinkAt - 2 * DAY));
                n1[LINKS].good("e-" + (i + 1) + "-" + p.k + "-0", p.msaId, before, "LINK", instant(p.previousLinkAt));
            }
            if (p.linkedAt >= 0) {
                n1[LINKS].good("e-" + (i + 1) + "-" + p.k + "-1", p.msaId, p.userId, "LINK", instant(p.linkedAt));
            }
            if (p.unlinkAt >= 0) {
                n1[LINKS].good("e-" + (i + 1) + "-" + p.k + "-2", p.msaId, p.userId, "UNLINK", instant(p.unlinkAt));
                n1[LINKS].good("e-" + (i + 1) + "-" + p.k + "-3", p.msaId, p.userId, "LINK", instant(p.relinkAt));
            }
            for (String[] a : p.achievements) {
                n1[ACHIEVEMENTS].good(a);
            }
        }

        /**
         * Members among the organisations that qualify (and a few that do not): a single order, a renewal
         * inside the window of the one before, or a Silver order upgraded to Gold; some lapsed or in the window.
         */
        private void memberships() {
            boolean member = best != null && best != Target.STARTED ? r.nextDouble() < 0.7 : r.nextDouble() < 0.05;
            if (!member) {
                return;
            }
            memberLevel = best == Target.GOLD && r.nextDouble() < 0.8 ? "GOLD" : "SILVER";
            double pattern = r.nextDouble();
            String order = "ord-" + (i + 1) + "-";
            if (pattern < 0.2) {
                LocalDate renewal = D1.minusDays(1 + r.nextInt(300));
                int late = r.nextInt(31);
                LocalDate first = renewal.minusDays(late).minusYears(1);
                if (first.plusYears(1).plusDays(late).equals(renewal)) {
                    n1[MEMBERSHIPS].good(order + 1, orgId, memberLevel, first.toString());
                    n1[MEMBERSHIPS].good(order + 2, orgId, memberLevel, renewal.toString());
                    anniversary = first.plusYears(2);
                    return;
                }
            } else if (pattern < 0.4 && memberLevel.equals("GOLD")) {
                LocalDate silver = D1.minusDays(60 + r.nextInt(300));
                LocalDate gold = silver.plusDays(1 + r.nextInt((int) (D1.toEpochDay() - silver.toEpochDay())));
                n1[MEMBERSHIPS].good(order + 1, orgId, "SILVER", silver.toString());
                n1[MEMBERSHIPS].good(order + 2, orgId, "GOLD", gold.toString());
                anniversary = gold.plusYears(1);
                return;
            }
            LocalDate purchased = D1.minusDays(1 + r.nextInt(420));
            n1[MEMBERSHIPS].good(order + 1, orgId, memberLevel, purchased.toString());
            anniversary = purchased.plusYears(1);
        }

        private void override() {
            if (r.nextDouble() >= 0.02) {
                return;
            }
            LocalDate from = D1.minusDays(r.nextInt(150));
            String until = r.nextBoolean() ? "" : from.plusDays(30 + r.nextInt(150)).toString();
            override = new String[]{"ovr-" + (i + 1) + "-1", orgId, weighted(r).competency(),
                    r.nextDouble() < 0.8 ? "SILVER" : "GOLD", from.toString(), until,
                    "Launch partner, requirements pending", "programme.operations"};
            n1[OVERRIDES].good(override);
        }

        // --- night 2: the delta -------------------------------------------------------------------------------

        private void nextNight(SplittableRandom r2) {
            double p = changed;
            if (r2.nextDouble() < p * 0.5) {
                n2[ORGS].good(orgId, name + " Group", market, country);
            }
            int hires = 0;
            for (Person person : people) {
                if (!person.counts()) {
                    continue;
                }
                double x = r2.nextDouble();
                if (person.recent) {
                    if (x < p * 0.3) {
                        move(person, r2, true);
                    }
                } else if (x < p * 0.5) {
                    n2[USERS].good(person.userId, orgId, person.email, "DELETED",
                            instant(epoch("2026-11-23") + (14 + r2.nextInt(6)) * 3600L));
                } else if (x < p * 0.8) {
                    move(person, r2, false);
                }
                if (r2.nextDouble() < p * 0.5) {
                    hires++;
                }
            }
            for (int h = 0; h < hires; h++) {
                String user = "u-" + (i + 1) + "-h" + h;
                String msa = "msa-" + (i + 1) + "-h" + h;
                n2[USERS].good(user, orgId, "new.hire" + h + "@" + domain, "ACTIVE", at(r2, "2026-11-23", 7));
                n2[LINKS].good("e-" + (i + 1) + "-h" + h, msa, user, "LINK", at(r2, "2026-11-23", 8));
                n2[ACHIEVEMENTS].good("a-" + (i + 1) + "-h" + h, msa, Recipes.EVERYDAY.get(r2.nextInt(Recipes.EVERYDAY.size())),
                        instant(between(r2, "2024-01-01", "2026-11-20")), "", "ACTIVE", SOURCES[0]);
            }
            int fresh = 0;
            for (Person person : people) {
                for (String[] a : person.achievements) {
                    if (r2.nextDouble() < p * 0.3) {
                        String[] corrected = a.clone();
                        double v = r2.nextDouble();
                        if (v < 0.4) {
                            corrected[4] = NIGHT_2;                     // expires tonight: counts no more
                        } else if (v < 0.5) {
                            corrected[5] = "REVOKED";
                        } else {
                            corrected[6] = a[6] + ", re-scored";
                        }
                        n2[ACHIEVEMENTS].good(corrected);
                    }
                }
                if (person.counts() && r2.nextDouble() < p * 1.75) {
                    String code = !focus.isEmpty() && r2.nextBoolean()
                            ? pick(r2, focus.get(r2.nextInt(focus.size())).silverHolding().get(0))
                            : Recipes.EVERYDAY.get(r2.nextInt(Recipes.EVERYDAY.size()));
                    // Most were earned in the last days; some only today, which counts from tomorrow.
                    String earned = r2.nextDouble() < 0.1 ? at(r2, NIGHT_2, 9)
                            : instant(between(r2, "2026-11-10", "2026-11-22"));
                    n2[ACHIEVEMENTS].good("a-" + (i + 1) + "-n2-" + (fresh++), person.msaId, code, earned, "",
                            "ACTIVE", SOURCES[r2.nextInt(SOURCES.length)]);
                }
            }
            for (Series s : series) {
                for (int m = 0; m < MONTHS.size(); m++) {
                    if (r2.nextDouble() < p * 0.5) {
                        long value = Math.round(s.values()[m] * (0.9 + 0.2 * r2.nextDouble()));
                        n2[METRICS].good(orgId, s.metric(), MONTHS.get(m).toString(), amount(value, s.cents()),
                                s.association());
                    }
                }
                if (r2.nextDouble() < p * 6) {
                    n2[METRICS].good(orgId, s.metric(), NOVEMBER, amount(s.values()[MONTHS.size() - 1], s.cents()),
                            s.association());
                }
            }
            nextOrders(r2, p);
            if (override != null && r2.nextDouble() < p * 3) {
                String[] extended = override.clone();
                extended[5] = LocalDate.parse(override[4]).plusMonths(6).toString();
                n2[OVERRIDES].good(extended);
            } else if (r2.nextDouble() < p * 0.5) {
                n2[OVERRIDES].good("ovr-" + (i + 1) + "-n2", orgId, weighted(r2).competency(), "SILVER", NIGHT_2, "",
                        "Interim grant while figures are audited", "programme.operations");
            }
        }

        /**
         * A person changing jobs: unlinked from this organisation's account and linked to a new account of
         * another one. Inside the cool-off (first linked this month) the link is refused.
         */
        private void move(Person person, SplittableRandom r2, boolean coolOff) {
            if (size.organizations() < 2) {
                return;
            }
            int to = otherOrg(r2, i);
            String user = "u-" + (to + 1) + "-m" + (i + 1) + "-" + person.k;
            n2[USERS].good(user, orgId(to), person.email.replace(domain, "moved.example"), "ACTIVE",
                    instant(epoch("2026-11-23") + 8 * 3600L));
            String event = "e-" + (i + 1) + "-" + person.k + "-n2";
            n2[LINKS].good(event + "u", person.msaId, person.userId, "UNLINK", instant(epoch("2026-11-23") + 8 * 3600L + 1800));
            String[] link = {event + "l", person.msaId, user, "LINK", instant(epoch("2026-11-23") + 9 * 3600L)};
            if (coolOff) {
                n2[LINKS].refused("LINK_COOL_OFF", link);
            } else {
                n2[LINKS].good(link);
            }
        }

        /** Renewals inside the window, new memberships after a lapse or on qualifying, upgrades to Gold. */
        private void nextOrders(SplittableRandom r2, double p) {
            String order = "ord-" + (i + 1) + "-n2";
            if (anniversary != null) {
                if (!D2.isBefore(anniversary) && !D2.isAfter(anniversary.plusDays(30))) {
                    if (r2.nextDouble() < Math.min(1, p * 30)) {
                        n2[MEMBERSHIPS].good(order, orgId, memberLevel, NIGHT_2);
                    }
                } else if (D2.isAfter(anniversary.plusDays(30))) {
                    if (r2.nextDouble() < p * 5) {
                        n2[MEMBERSHIPS].good(order, orgId, memberLevel, NIGHT_2);
                    }
                } else if (memberLevel.equals("SILVER") && best == Target.GOLD && r2.nextDouble() < p * 5) {
                    n2[MEMBERSHIPS].good(order, orgId, "GOLD", NIGHT_2);
                }
            } else if (best != null && best != Target.STARTED && r2.nextDouble() < p * 5) {
                n2[MEMBERSHIPS].good(order, orgId, "SILVER", NIGHT_2);
            }
        }

        private List<Person> choose(List<Person> from, int count) {
            List<Person> copy = new ArrayList<>(from);
            for (int c = 0; c < count; c++) {
                int j = c + r.nextInt(copy.size() - c);
                Person t = copy.get(c);
                copy.set(c, copy.get(j));
                copy.set(j, t);
            }
            return copy.subList(0, count);
        }
    }

    /** An organisation that joins the programme tonight, with a few people linked today. */
    private void newOrganisation(int index, FeedFile[] n2) {
        SplittableRandom r = random(index, 2);
        String orgId = orgId(index);
        String[] place = COUNTRIES[r.nextInt(COUNTRIES.length)];
        n2[ORGS].good(orgId, WORDS[r.nextInt(WORDS.length)] + " Newcomers " + FORMS[0], place[1], place[0]);
        int n = 3 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            String user = "u-" + (index + 1) + "-" + k;
            String msa = "msa-" + (index + 1) + "-" + k;
            n2[USERS].good(user, orgId, "staff" + k + "@newcomer" + (index + 1) + ".example", "ACTIVE", at(r, "2026-11-23", 7));
            n2[LINKS].good("e-" + (index + 1) + "-" + k + "-1", msa, user, "LINK", at(r, "2026-11-23", 8));
            n2[ACHIEVEMENTS].good("a-" + (index + 1) + "-" + k, msa, Recipes.EVERYDAY.get(r.nextInt(Recipes.EVERYDAY.size())),
                    instant(between(r, "2022-01-01", "2026-11-20")), "", "ACTIVE", SOURCES[1]);
        }
    }

    // --- small helpers -----------------------------------------------------------------------------------

    private static String orgId(int index) {
        String digits = Integer.toString(index + 1);
        return "ORG-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    private int otherOrg(SplittableRandom r, int org) {
        int other = r.nextInt(size.organizations() - 1);
        return other >= org ? other + 1 : other;
    }

    private static Recipe weighted(SplittableRandom r) {
        int w = r.nextInt(Recipes.TOTAL_WEIGHT);
        for (Recipe recipe : Recipes.ALL) {
            w -= recipe.weight();
            if (w < 0) {
                return recipe;
            }
        }
        throw new IllegalStateException();
    }

    /** One of the codes of an element {@code "A|B|C"}. */
    private static String pick(SplittableRandom r, String element) {
        if (element.indexOf('|') < 0) {
            return element;
        }
        String[] codes = element.split("\\|");
        return codes[r.nextInt(codes.length)];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static long epoch(String date) {
        return LocalDate.parse(date).toEpochDay() * DAY;
    }

    private static LocalDate day(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY));
    }

    /** A whole-minute instant in office hours (06:00–19:59 UTC) of a day between the two dates. */
    private static long between(SplittableRandom r, String from, String to) {
        long a = LocalDate.parse(from).toEpochDay();
        long b = LocalDate.parse(to).toEpochDay();
        return (a + r.nextLong(b - a + 1)) * DAY + (6 + r.nextInt(14)) * 3600L + r.nextInt(60) * 60L;
    }

    private static String at(SplittableRandom r, String date, int hour) {
        return instant(epoch(date) + hour * 3600L + r.nextInt(60) * 60L);
    }

    static String instant(long epochSecond) {
        long seconds = Math.floorMod(epochSecond, DAY);
        StringBuilder s = new StringBuilder(20).append(day(epochSecond)).append('T');
        two(s, seconds / 3600).append(':');
        two(s, seconds / 60 % 60).append(':');
        return two(s, seconds % 60).append('Z').toString();
    }

    private static StringBuilder two(StringBuilder s, long n) {
        return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static String amount(long units, boolean cents) {
        if (!cents) {
            return Long.toString(units);
        }
        long c = units % 100;
        return units / 100 + (c < 10 ? ".0" : ".") + c;
    }

    private static List<YearMonth> months(YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return List.copyOf(months);
    }
}
