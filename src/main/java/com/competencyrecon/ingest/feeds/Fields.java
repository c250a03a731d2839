package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.RejectedRecordException;
import com.competencyrecon.ingest.csv.CsvRecord;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads the fields of a record the way every feed does (FORMATS.md): required fields, identifiers, dates,
 * months, instants, decimals and enumerations, each failing with the reject code the contract names.
 */
final class Fields {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final FeedNight night;

    Fields(FeedNight night) {
        this.night = night;
    }

    LocalDate businessDate() {
        return night.businessDate();
    }

    /**
     * A required field that names something (a key, a reference, a code): surrounding spaces are dropped so
     * the same id is always the same key.
     */
    static String id(CsvRecord r, String column) {
        return text(r, column).strip();
    }

    /** A required field kept exactly as delivered. */
    static String text(CsvRecord r, String column) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException(RejectReason.MISSING_FIELD, "required field " + column + " is empty");
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(CsvRecord r, String column, Class<E> type, E fallback) {
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
            throw new RejectedRecordException(RejectReason.BAD_ENUM, column + " '" + shown(value) + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A level a membership or an override can have: Silver or Gold. */
    static Level memberLevel(CsvRecord r, String column) {
        String value = text(r, column);
        if (!value.equals("SILVER") && !value.equals("GOLD")) {
            throw new RejectedRecordException(RejectReason.BAD_ENUM, column + " '" + shown(value)
                    + "' is not one of SILVER, GOLD");
        }
        return Level.valueOf(value);
    }

    static LocalDate date(CsvRecord r, String column) {
        LocalDate date = optionalDate(r, column);
        if (date == null) {
            throw new RejectedRecordException(RejectReason.MISSING_FIELD, "required field " + column + " is empty");
        }
        return date;
    }

    static LocalDate optionalDate(CsvRecord r, String column) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectReason.BAD_DATE, column + " '" + shown(value)
                    + "' is not a date of the form YYYY-MM-DD");
        }
    }

    static YearMonth month(CsvRecord r, String column) {
        String value = text(r, column);
        try {
            return YearMonth.parse(value, MONTH);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectReason.BAD_DATE, column + " '" + shown(value)
                    + "' is not a month of the form YYYY-MM");
        }
    }

    /** A plain decimal that the store holds exactly: at most 16 digits before the point and 4 after. */
    static BigDecimal decimal(CsvRecord r, String column) {
        String value = text(r, column);
        BigDecimal number;
        try {
            if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new NumberFormatException();
            }
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RejectedRecordException(RejectReason.BAD_NUMBER, column + " '" + shown(value)
                    + "' is not a plain decimal number such as 1250 or 1250.75");
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > 4 || stripped.precision() - stripped.scale() > 16) {
            throw new RejectedRecordException(RejectReason.BAD_NUMBER, column + " '" + shown(value)
                    + "' is out of range: at most 16 digits before the decimal point and 4 after");
        }
        return number;
    }

    /**
     * An ISO-8601 instant at or before the night's cut-off; one with no offset is read in the configured zone.
     * Kept to the millisecond, as it is stored.
     */
    Instant instantByCutoff(CsvRecord r, String column) {
        String value = text(r, column);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                instant = LocalDateTime.parse(value).atZone(night.zone()).toInstant();
            } catch (DateTimeException local) {
                throw new RejectedRecordException(RejectReason.BAD_TIMESTAMP, column + " '" + shown(value)
                        + "' is not an ISO-8601 instant such as 2026-11-23T10:15:00Z");
            }
        }
        Instant utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)
                .toInstant(ZoneOffset.UTC);
        if (utc.isAfter(night.cutoff())) {
            throw new RejectedRecordException(RejectReason.FUTURE_DATED, column + " " + utc
                    + " is after the night's cut-off " + night.cutoff());
        }
        return utc;
    }

    /** The most characters of a delivered value a reject's detail repeats. */
    static final int SHOWN = 100;

    /**
     * A delivered value as a reject's detail repeats it: a long one cut to its first {@value #SHOWN} characters
     * (never inside a pair of surrogates), so a 1 MB field makes a short reject.
     */
    static String shown(String value) {
        if (value.length() <= SHOWN) {
            return value;
        }
        int end = value.offsetByCodePoints(0, Math.min(SHOWN, value.codePointCount(0, value.length())));
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    /** The longest text the store takes for a column; a longer field is rejected rather than failing the night. */
    static void maxLength(String column, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RejectedRecordException(RejectReason.FIELD_TOO_LONG, column + " has " + value.length()
                    + " characters; at most " + max + " are accepted");
        }
    }
}
