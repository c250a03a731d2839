package com.competencyrecon.ingest;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.ownership.LinkAction;
import com.competencyrecon.ownership.UserStatus;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a CSV record of a feed into the values to store, or a reject: required fields, dates, instants,
 * numbers, enumerations and events after the cut-off. Checks that need stored records (references,
 * repeated keys, link limits) are the writer's.
 */
public final class FeedParser {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final Feed feed;
    private final LocalDate businessDate;
    private final Instant cutoff;
    private final ZoneId zone;
    private final Catalog catalog;

    public FeedParser(Feed feed, LocalDate businessDate, Instant cutoff, ZoneId zone, Catalog catalog) {
        this.feed = feed;
        this.businessDate = businessDate;
        this.cutoff = cutoff;
        this.zone = zone;
        this.catalog = catalog;
    }

    public FeedItem parse(CsvRecord record) {
        if (record.isMalformed()) {
            return FeedItem.rejected(feed, record.line(), "", RejectReason.MALFORMED_ROW, record.malformed());
        }
        String key = key(record);
        try {
            Map<String, Object> values = values(record);
            checkLengths(values);
            return FeedItem.accepted(feed, record.line(), key, values);
        } catch (RejectedRecordException e) {
            return FeedItem.rejected(feed, record.line(), key, e.reason(), e.getMessage());
        }
    }

    /** The record's key: the key columns of the feed joined with {@code |}. */
    String key(CsvRecord record) {
        return feed.keyColumns().stream().map(column -> {
            String value = record.get(column);
            if (value == null && feed == Feed.METRICS && column.equals("association")) {
                return Association.TRANSACTING.name();
            }
            return value == null ? "" : value.strip();
        }).collect(Collectors.joining("|"));
    }

    private Map<String, Object> values(CsvRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (feed) {
            case ORGANIZATIONS -> {
                v.put("org_id", required(r, "org_id"));
                v.put("name", required(r, "name"));
                v.put("market", enumValue(r, "market", Market.class, null).name());
                v.put("country", r.get("country"));
            }
            case USERS -> {
                v.put("user_id", required(r, "user_id"));
                v.put("org_id", required(r, "org_id"));
                v.put("email", r.get("email"));
                v.put("status", enumValue(r, "status", UserStatus.class, null).name());
                v.put("changed_at", notAfterCutoff("changed_at", instant(r, "changed_at")));
            }
            case MSA_LINKS -> {
                v.put("event_id", required(r, "event_id"));
                v.put("msa_id", required(r, "msa_id"));
                v.put("user_id", required(r, "user_id"));
                v.put("action", enumValue(r, "action", LinkAction.class, null).name());
                v.put("occurred_at", notAfterCutoff("occurred_at", instant(r, "occurred_at")));
            }
            case ACHIEVEMENTS -> {
                v.put("record_id", required(r, "record_id"));
                v.put("msa_id", required(r, "msa_id"));
                v.put("credential", required(r, "credential"));
                v.put("earned_at", notAfterCutoff("earned_at", instant(r, "earned_at")));
                v.put("expires_on", optionalDate(r, "expires_on"));
                v.put("status", enumValue(r, "status", AchievementStatus.class, AchievementStatus.ACTIVE).name());
                v.put("source", r.get("source"));
            }
            case METRICS -> {
                v.put("org_id", required(r, "org_id"));
                v.put("metric", required(r, "metric"));
                YearMonth month = month(r, "month");
                v.put("month", month.format(MONTH));
                v.put("association",
                        enumValue(r, "association", Association.class, Association.TRANSACTING).name());
                BigDecimal value = decimal(r, "value");
                if (value.signum() < 0) {
                    throw new RejectedRecordException(RejectReason.NEGATIVE_METRIC,
                            "value " + r.get("value") + " is negative; metrics are figures of at least 0");
                }
                if (month.isAfter(YearMonth.from(businessDate))) {
                    throw new RejectedRecordException(RejectReason.FUTURE_DATED,
                            "month " + month + " is after the business date " + businessDate);
                }
                v.put("amount", value);
            }
            case MEMBERSHIPS -> {
                v.put("order_id", required(r, "order_id"));
                v.put("org_id", required(r, "org_id"));
                v.put("level", memberLevel(r, "level").name());
                LocalDate purchased = date(r, "purchased_on");
                if (purchased.isAfter(businessDate)) {
                    throw new RejectedRecordException(RejectReason.FUTURE_DATED,
                            "purchased_on " + purchased + " is after the business date " + businessDate);
                }
                v.put("purchased_on", purchased);
            }
            case OVERRIDES -> {
                v.put("override_id", required(r, "override_id"));
                v.put("org_id", required(r, "org_id"));
                String competency = required(r, "competency");
                v.put("competency", competency);
                v.put("level", memberLevel(r, "level").name());
                LocalDate from = date(r, "valid_from");
                LocalDate until = optionalDate(r, "valid_until");
                if (until == null) {
                    until = from.plusMonths(3);
                } else if (until.isBefore(from)) {
                    throw new RejectedRecordException(RejectReason.BAD_DATE,
                            "valid_until " + until + " is before valid_from " + from);
                }
                v.put("valid_from", from);
                v.put("valid_until", until);
                v.put("reason", r.get("reason"));
                v.put("granted_by", r.get("granted_by"));
                if (catalog.competency(competency).isEmpty()) {
                    throw new RejectedRecordException(RejectReason.UNKNOWN_COMPETENCY,
                            "competency " + competency + " is not in the catalogue");
                }
            }
            default -> throw new IllegalStateException("unknown feed " + feed);
        }
        return v;
    }

    /** The longest text each stored column takes; a longer field is rejected rather than failing the night. */
    static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry("org_id", 64), Map.entry("name", 255), Map.entry("country", 64), Map.entry("user_id", 64),
            Map.entry("email", 320), Map.entry("event_id", 64), Map.entry("msa_id", 64), Map.entry("record_id", 64),
            Map.entry("credential", 64), Map.entry("source", 128), Map.entry("metric", 64), Map.entry("order_id", 64),
            Map.entry("override_id", 64), Map.entry("competency", 64), Map.entry("reason", 1000),
            Map.entry("granted_by", 255));

    private static void checkLengths(Map<String, Object> values) {
        values.forEach((column, value) -> {
            Integer max = MAX_LENGTH.get(column);
            if (max != null && value instanceof String text && text.length() > max) {
                throw new RejectedRecordException(RejectReason.FIELD_TOO_LONG, column + " has " + text.length()
                        + " characters; at most " + max + " are accepted");
            }
        });
    }

    private static String required(CsvRecord r, String column) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException(RejectReason.MISSING_FIELD, "required field " + column + " is empty");
        }
        return IDENTIFIERS.contains(column) ? value.strip() : value;
    }

    /**
     * Columns that name something (keys, references, codes): surrounding spaces are dropped so the same id is
     * always the same key. Text such as a name is kept exactly as delivered.
     */
    private static final java.util.Set<String> IDENTIFIERS = java.util.Set.of("org_id", "user_id", "event_id",
            "msa_id", "record_id", "credential", "metric", "order_id", "override_id", "competency");

    private static <E extends Enum<E>> E enumValue(CsvRecord r, String column, Class<E> type, E fallback) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new RejectedRecordException(RejectReason.MISSING_FIELD, "required field " + column + " is empty");
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException(RejectReason.BAD_ENUM, column + " '" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Level memberLevel(CsvRecord r, String column) {
        String value = required(r, column);
        if (!value.equals("SILVER") && !value.equals("GOLD")) {
            throw new RejectedRecordException(RejectReason.BAD_ENUM, column + " '" + value
                    + "' is not one of SILVER, GOLD");
        }
        return Level.valueOf(value);
    }

    private static LocalDate date(CsvRecord r, String column) {
        LocalDate date = optionalDate(r, column);
        if (date == null) {
            throw new RejectedRecordException(RejectReason.MISSING_FIELD, "required field " + column + " is empty");
        }
        return date;
    }

    private static LocalDate optionalDate(CsvRecord r, String column) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectReason.BAD_DATE, column + " '" + value
                    + "' is not a date of the form YYYY-MM-DD");
        }
    }

    private static YearMonth month(CsvRecord r, String column) {
        String value = required(r, column);
        try {
            return YearMonth.parse(value, MONTH);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectReason.BAD_DATE, column + " '" + value
                    + "' is not a month of the form YYYY-MM");
        }
    }

    /** A plain decimal that the store holds exactly: at most 16 digits before the point and 4 after. */
    private static BigDecimal decimal(CsvRecord r, String column) {
        String value = required(r, column);
        BigDecimal number;
        try {
            if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new NumberFormatException();
            }
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RejectedRecordException(RejectReason.BAD_NUMBER, column + " '" + value
                    + "' is not a plain decimal number such as 1250 or 1250.75");
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > 4 || stripped.precision() - stripped.scale() > 16) {
            throw new RejectedRecordException(RejectReason.BAD_NUMBER, column + " '" + value
                    + "' is out of range: at most 16 digits before the decimal point and 4 after");
        }
        return number;
    }

    /** An ISO-8601 instant; one with no offset is read in the configured zone. Stored as UTC date-time. */
    private LocalDateTime instant(CsvRecord r, String column) {
        String value = required(r, column);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                instant = LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeException local) {
                throw new RejectedRecordException(RejectReason.BAD_TIMESTAMP, column + " '" + value
                        + "' is not an ISO-8601 instant such as 2026-11-23T10:15:00Z");
            }
        }
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private LocalDateTime notAfterCutoff(String column, LocalDateTime utc) {
        if (utc.toInstant(ZoneOffset.UTC).isAfter(cutoff)) {
            throw new RejectedRecordException(RejectReason.FUTURE_DATED, column + " " + utc.toInstant(ZoneOffset.UTC)
                    + " is after the night's cut-off " + cutoff);
        }
        return utc;
    }
}
