package com.competencyrecon.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a competency catalogue: a YAML mapping of {@code version: 1}, {@code credentials} (code, type, name,
 * optional retiredOn and acceptedUntil), {@code competencies} (code, name, and per level SILVER/GOLD a list of paths,
 * each a list of people or metric requirements) and an optional {@code maxCompetenciesPerPerson}.
 * <p>
 * Any catalogue that is not exactly right is refused with a {@link CatalogException} naming the place: a catalogue
 * is read once at start, so a mistake found there costs a restart, while a mistake let through (a misspelt key, a
 * credential nobody can hold) would silently miscount every night. Unknown keys are refused for the same reason.
 * <p>
 * Long because: it is the one reader of the catalogue format, and its checks follow that format top to bottom
 * (credentials, competencies, levels, paths, requirements, expressions), each naming its place; split apart,
 * the path of names that every message carries would have to be passed between classes.
 */
public final class CatalogLoader {

    /** The classpath resource holding the catalogue the product ships with. */
    public static final String DEFAULT_RESOURCE = "catalog/default-catalog.yml";

    private static final String DEFAULT_SOURCE_NAME = "default-catalog.yml";

    private static final int SUPPORTED_VERSION = 1;

    private CatalogLoader() {
    }

    /** Loads the catalogue in {@code file}; messages name the file as given. */
    public static Catalog load(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new CatalogException(file + ": no such catalogue file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(file + ": not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
        catch (IOException ex) {
            throw new CatalogException(file + ": cannot read the catalogue: " + ex.getMessage(), ex);
        }
    }

    /** Loads a catalogue from {@code in} (UTF-8 YAML); {@code sourceName} starts every message. */
    public static Catalog load(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Object document;
        try {
            document = yaml().load(in);
        }
        catch (MarkedYAMLException ex) {
            throw new CatalogException(sourceName + ": " + describe(ex), ex);
        }
        catch (YAMLException ex) {
            throw new CatalogException(sourceName + ": cannot read the catalogue: " + ex.getMessage(), ex);
        }
        return new Parser(sourceName).catalog(document);
    }

    /** Loads the catalogue in {@code file} with the SHA-256 of the bytes it was read from. */
    public static LoadedCatalog loadWithFingerprint(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            return new LoadedCatalog(load(file), "");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new LoadedCatalog(load(new java.io.ByteArrayInputStream(bytes), file.toString()), sha256(bytes));
        }
        catch (IOException ex) {
            throw new CatalogException(file + ": cannot read the catalogue: " + ex.getMessage(), ex);
        }
    }

    /** The bundled catalogue with the SHA-256 of its bytes. */
    public static LoadedCatalog loadDefaultWithFingerprint() {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogException("classpath:" + DEFAULT_RESOURCE + ": not found");
            }
            byte[] bytes = in.readAllBytes();
            return new LoadedCatalog(load(new java.io.ByteArrayInputStream(bytes), DEFAULT_SOURCE_NAME), sha256(bytes));
        }
        catch (IOException ex) {
            throw new CatalogException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Loads the catalogue the product ships with ({@link #DEFAULT_RESOURCE}). */
    public static Catalog loadDefault() {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogException("classpath:" + DEFAULT_RESOURCE + ": not found");
            }
            return load(in, DEFAULT_SOURCE_NAME);
        }
        catch (IOException ex) {
            throw new CatalogException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        // A repeated key (two SILVER entries, two atLeast) would otherwise silently keep the last one.
        options.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
                new DatesAsText());
    }

    private static String describe(MarkedYAMLException ex) {
        Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
        String where = mark != null ? "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " : "";
        String context = ex.getContext() != null ? " (" + ex.getContext() + ")" : "";
        return where + "invalid YAML: " + ex.getProblem() + context;
    }

    /**
     * Leaves unquoted dates as text. SnakeYAML would otherwise turn {@code 2017-02-30} into 2 March through a
     * lenient calendar; as text it is parsed strictly and refused.
     */
    private static final class DatesAsText extends Resolver {

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    /** Where in the catalogue a value sits, e.g. {@code competencies[3] (DEVOPS) levels.GOLD paths[0]}. */
    private record Place(String source, String path) {

        Place at(String segment) {
            return new Place(source, path.isEmpty() ? segment : path + " " + segment);
        }

        CatalogException fail(String problem) {
            return new CatalogException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        }
    }

    /** The keys of one YAML mapping, read by name; {@code prefix} names nested fields, e.g. {@code ofWhom.}. */
    private record Fields(Map<String, Object> map, Place place, String prefix) {

        static Fields of(Object value, Place place, String prefix, String what) {
            return new Fields(mapping(value, place, what), place, prefix);
        }

        Fields at(Place other) {
            return new Fields(map, other, prefix);
        }

        String name(String key) {
            return prefix + key;
        }

        void allowOnly(String... keys) {
            List<String> allowed = Arrays.asList(keys);
            for (String key : map.keySet()) {
                if (!allowed.contains(key)) {
                    throw place.fail("unknown key '" + name(key) + "' (expected " + String.join(", ", allowed) + ")");
                }
            }
        }

        boolean has(String key) {
            return map.containsKey(key);
        }

        Object optional(String key) {
            return map.get(key);
        }

        Object required(String key) {
            Object value = map.get(key);
            if (value == null) {
                throw place.fail(name(key) + " is required");
            }
            return value;
        }

        String requiredText(String key) {
            Object value = required(key);
            if (!(value instanceof String text) || text.isBlank()) {
                throw place.fail(name(key) + " must be text, found " + shown(value));
            }
            return text;
        }

        String requiredCode(String key) {
            return code(required(key), place, name(key));
        }

        int requiredWholeNumber(String key) {
            Object value = required(key);
            if (!(value instanceof Integer number)) {
                throw place.fail(name(key) + " must be a whole number, found " + shown(value));
            }
            return number;
        }

        LocalDate optionalDate(String key) {
            Object value = optional(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Date date) {
                return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            }
            if (value instanceof String text) {
                try {
                    return LocalDate.parse(text.trim());
                }
                catch (DateTimeParseException ex) {
                    // falls through to the refusal below
                }
            }
            throw place.fail(name(key) + " must be a date YYYY-MM-DD, found " + shown(value));
        }

        <E extends Enum<E>> E requiredEnum(String key, Class<E> type) {
            Object value = required(key);
            return constant(value, type, place, name(key));
        }

        List<Object> requiredList(String key) {
            Object value = required(key);
            if (!(value instanceof List<?> list)) {
                throw place.fail(name(key) + " must be a list, found " + shown(value));
            }
            return new ArrayList<>(list);
        }
    }

    /** One pass over one document; knows the credentials read so far, so expressions can be checked against them. */
    private static final class Parser {

        private static final String CREDENTIALS = "credentials";

        private static final String COMPETENCIES = "competencies";

        private static final String MAX_PER_PERSON = "maxCompetenciesPerPerson";

        private final Place top;

        private final Map<String, Credential> credentials = new LinkedHashMap<>();

        Parser(String source) {
            this.top = new Place(source, "");
        }

        Catalog catalog(Object document) {
            if (document == null) {
                throw top.fail("the catalogue is empty");
            }
            Fields root = Fields.of(document, top, "", "the catalogue");
            int version = root.requiredWholeNumber("version");
            if (version != SUPPORTED_VERSION) {
                throw top.fail("version must be " + SUPPORTED_VERSION + ", found " + version);
            }
            root.allowOnly("version", CREDENTIALS, COMPETENCIES, MAX_PER_PERSON);
            readCredentials(root.requiredList(CREDENTIALS));
            List<Competency> competencies = readCompetencies(root.requiredList(COMPETENCIES));
            Integer maxPerPerson = null;
            if (root.optional(MAX_PER_PERSON) != null) {
                maxPerPerson = root.requiredWholeNumber(MAX_PER_PERSON);
                if (maxPerPerson < 1) {
                    throw top.fail(MAX_PER_PERSON + " must be at least 1, found " + maxPerPerson);
                }
            }
            return new Catalog(version, credentials, competencies, maxPerPerson);
        }

        private void readCredentials(List<Object> items) {
            Map<String, Integer> firstIndex = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Place place = top.at(CREDENTIALS + "[" + i + "]");
                Fields fields = Fields.of(items.get(i), place, "", "a credential");
                String code = fields.requiredCode("code");
                place = place.at("(" + code + ")");
                fields = fields.at(place);
                fields.allowOnly("code", "type", "name", "retiredOn", "acceptedUntil");
                Integer earlier = firstIndex.putIfAbsent(code, i);
                if (earlier != null) {
                    throw place.fail("repeats the credential code '" + code + "' of credentials[" + earlier + "]");
                }
                CredentialType type = fields.requiredEnum("type", CredentialType.class);
                String name = fields.requiredText("name");
                LocalDate retiredOn = fields.optionalDate("retiredOn");
                LocalDate acceptedUntil = fields.optionalDate("acceptedUntil");
                if (retiredOn != null && acceptedUntil != null && acceptedUntil.isBefore(retiredOn)) {
                    throw place.fail("acceptedUntil " + acceptedUntil + " is before retiredOn " + retiredOn);
                }
                credentials.put(code, new Credential(code, type, name, retiredOn, acceptedUntil));
            }
        }

        private List<Competency> readCompetencies(List<Object> items) {
            Map<String, Integer> firstIndex = new LinkedHashMap<>();
            List<Competency> competencies = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Place place = top.at(COMPETENCIES + "[" + i + "]");
                Fields fields = Fields.of(items.get(i), place, "", "a competency");
                String code = fields.requiredCode("code");
                place = place.at("(" + code + ")");
                fields = fields.at(place);
                fields.allowOnly("code", "name", "levels");
                Integer earlier = firstIndex.putIfAbsent(code, i);
                if (earlier != null) {
                    throw place.fail("repeats the competency code '" + code + "' of competencies[" + earlier + "]");
                }
                String name = fields.requiredText("name");
                competencies.add(new Competency(code, name, readLevels(fields.required("levels"), place)));
            }
            return competencies;
        }

        private Map<Level, List<CompetencyPath>> readLevels(Object value, Place competency) {
            Map<String, Object> levels = mapping(value, competency, "levels");
            if (levels.isEmpty()) {
                throw competency.fail("levels must name SILVER and/or GOLD");
            }
            Map<Level, List<CompetencyPath>> paths = new EnumMap<>(Level.class);
            for (Map.Entry<String, Object> entry : levels.entrySet()) {
                Level level = switch (entry.getKey()) {
                    case "SILVER" -> Level.SILVER;
                    case "GOLD" -> Level.GOLD;
                    default -> throw competency.fail("levels names unknown level '" + entry.getKey()
                            + "' (expected SILVER or GOLD)");
                };
                paths.put(level, readPaths(entry.getValue(), competency.at("levels." + level.name())));
            }
            return paths;
        }

        private List<CompetencyPath> readPaths(Object value, Place level) {
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                throw level.fail("has no path; a level needs at least one");
            }
            if (!(value instanceof List<?> items)) {
                throw level.fail("must be a list of paths, found " + shown(value));
            }
            Map<String, Integer> firstIndex = new LinkedHashMap<>();
            List<CompetencyPath> paths = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Place place = level.at("paths[" + i + "]");
                Fields fields = Fields.of(items.get(i), place, "", "a path");
                String code = fields.requiredCode("path");
                place = place.at("(" + code + ")");
                fields = fields.at(place);
                fields.allowOnly("path", "requirements");
                Integer earlier = firstIndex.putIfAbsent(code, i);
                if (earlier != null) {
                    throw place.fail("repeats the path code '" + code + "' of paths[" + earlier + "] in this level");
                }
                List<Object> requirements = fields.requiredList("requirements");
                if (requirements.isEmpty()) {
                    // A path with no requirement would be met by every organisation.
                    throw place.fail("requirements must name at least one requirement");
                }
                List<Requirement> read = new ArrayList<>();
                for (int r = 0; r < requirements.size(); r++) {
                    read.add(readRequirement(requirements.get(r), place.at("requirements[" + r + "]")));
                }
                paths.add(new CompetencyPath(code, read));
            }
            return paths;
        }

        private Requirement readRequirement(Object value, Place place) {
            Fields fields = Fields.of(value, place, "", "a requirement");
            boolean people = fields.has("people");
            boolean metric = fields.has("metric");
            if (people && metric) {
                throw place.fail("names both people and metric; a requirement is one or the other");
            }
            if (people) {
                return readPeople(fields);
            }
            if (metric) {
                return readMetric(fields);
            }
            throw place.fail("must be a people requirement {people, holding, ofWhom?}"
                    + " or a metric requirement {metric, atLeast, associations?}");
        }

        private PeopleRequirement readPeople(Fields fields) {
            fields.allowOnly("people", "holding", "ofWhom");
            int people = fields.requiredWholeNumber("people");
            if (people < 1) {
                throw fields.place().fail("people must be at least 1, found " + people);
            }
            Expression holding = expression(fields.required("holding"), fields.place(), "holding");
            PeopleRequirement.OfWhom ofWhom = null;
            if (fields.optional("ofWhom") != null) {
                Fields clause = Fields.of(fields.optional("ofWhom"), fields.place(), "ofWhom.", "ofWhom");
                clause.allowOnly("people", "holding");
                int some = clause.requiredWholeNumber("people");
                if (some < 1 || some > people) {
                    throw fields.place().fail("ofWhom.people must be between 1 and people (" + people + "), found "
                            + some);
                }
                ofWhom = new PeopleRequirement.OfWhom(some,
                        expression(clause.required("holding"), fields.place(), "ofWhom.holding"));
            }
            return new PeopleRequirement(people, holding, ofWhom);
        }

        private MetricRequirement readMetric(Fields fields) {
            fields.allowOnly("metric", "atLeast", "associations");
            String metric = fields.requiredCode("metric");
            Map<Market, BigDecimal> atLeast = new EnumMap<>(Market.class);
            Object threshold = fields.required("atLeast");
            if (threshold instanceof Map<?, ?>) {
                Fields perMarket = Fields.of(threshold, fields.place(), "atLeast.", "atLeast");
                for (String key : perMarket.map().keySet()) {
                    constant(key, Market.class, fields.place(), "atLeast");
                }
                for (Market market : Market.values()) {
                    atLeast.put(market, amount(perMarket.required(market.name()), fields.place(),
                            perMarket.name(market.name())));
                }
            }
            else {
                BigDecimal all = amount(threshold, fields.place(), "atLeast");
                for (Market market : Market.values()) {
                    atLeast.put(market, all);
                }
            }
            Set<Association> associations = Association.defaultQualifying();
            if (fields.optional("associations") != null) {
                List<Object> named = fields.requiredList("associations");
                if (named.isEmpty()) {
                    throw fields.place().fail("associations must name at least one association");
                }
                associations = EnumSet.noneOf(Association.class);
                for (Object association : named) {
                    associations.add(constant(association, Association.class, fields.place(), "associations"));
                }
            }
            return new MetricRequirement(metric, atLeast, associations);
        }

        private Expression expression(Object value, Place place, String name) {
            if (value instanceof Map<?, ?>) {
                Map<String, Object> map = mapping(value, place, name);
                if (map.size() != 1 || !(map.containsKey("anyOf") || map.containsKey("allOf"))) {
                    throw place.fail(name + " must have exactly one key, anyOf or allOf, found " + map.keySet());
                }
                String operator = map.keySet().iterator().next();
                Object operands = map.get(operator);
                if (!(operands instanceof List<?> list) || list.isEmpty()) {
                    throw place.fail(name + "." + operator + " must be a non-empty list, found " + shown(operands));
                }
                List<Expression> parts = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    parts.add(expression(list.get(i), place, name + "." + operator + "[" + i + "]"));
                }
                return operator.equals("anyOf") ? new Expression.AnyOf(parts) : new Expression.AllOf(parts);
            }
            if (value instanceof List<?>) {
                throw place.fail(name + " is a bare list; write {anyOf: [...]} or {allOf: [...]}");
            }
            if (!(value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof BigInteger)) {
                throw place.fail(name + " must be a credential code, {anyOf: [...]} or {allOf: [...]}, found "
                        + shown(value));
            }
            String code = code(value, place, name);
            if (!credentials.containsKey(code)) {
                throw place.fail(name + " names unknown credential '" + code + "'");
            }
            return new Expression.Code(code);
        }
    }

    private static Map<String, Object> mapping(Object value, Place place, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            String expected = what.equals("the catalogue") ? "a YAML mapping at top level" : "a mapping";
            throw place.fail(what + " must be " + expected + ", found " + shown(value));
        }
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw place.fail(what + " has a key that is not text: " + shown(entry.getKey()));
            }
            read.put(key, entry.getValue());
        }
        return read;
    }

    /**
     * A code as text. Whole numbers are accepted as written (YAML reads an unquoted {@code 12345} as a number);
     * decimals, booleans and the like are refused because their text would not survive the round trip.
     */
    private static String code(Object value, Place place, String name) {
        String code = value instanceof String text ? text
                : value instanceof Integer || value instanceof Long || value instanceof BigInteger ? String.valueOf(value)
                : null;
        if (code == null || code.isBlank()) {
            throw place.fail(name + " must be text (quote it if YAML reads it as something else), found "
                    + shown(value));
        }
        return code;
    }

    private static <E extends Enum<E>> E constant(Object value, Class<E> type, Place place, String name) {
        if (value instanceof String text) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
        }
        String expected = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw place.fail(name + " names unknown " + words(type) + " " + shown(value) + " (expected one of "
                + expected + ")");
    }

    private static BigDecimal amount(Object value, Place place, String name) {
        BigDecimal amount = null;
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            amount = new BigDecimal(String.valueOf(value));
        }
        else if (value instanceof Double number && Double.isFinite(number)) {
            amount = BigDecimal.valueOf(number);
        }
        if (amount == null) {
            throw place.fail(name + " must be a number, found " + shown(value));
        }
        if (amount.signum() < 0) {
            throw place.fail(name + " must not be negative, found " + amount.toPlainString());
        }
        return amount;
    }

    private static String words(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private static String shown(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return String.valueOf(value);
    }
}
