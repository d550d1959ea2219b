package dev.ignis.engine.internal.compile;

import dev.ignis.api.error.FilterException;
import dev.ignis.engine.internal.model.AttributeDescriptor;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts filter and update values (JSON scalars or Java objects) to an attribute's Java type, or fails with a
 * {@link FilterException} naming the path, the property and the expected type. Never guesses: "abc" is not a number.
 */
public final class ValueConverter {
    private ValueConverter() {
    }

    public static Object convert(AttributeDescriptor attribute, Object value, String path) {
        if (value == null) {
            return null;
        }
        return convertTo(attribute.javaType(), attribute.key(), value, path);
    }

    /** Converts each value of a list operand. */
    public static List<Object> convertAll(AttributeDescriptor attribute, List<?> values, String path) {
        List<Object> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(convertTo(attribute.javaType(), attribute.key(), values.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** Builds a typed array for an array column from a list of element values. */
    public static Object toArray(AttributeDescriptor attribute, List<?> values, String path) {
        Class<?> element = attribute.elementType() != null ? attribute.elementType() : Object.class;
        Object array = Array.newInstance(element, values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, convertTo(element, attribute.key(), values.get(i), path + "[" + i + "]"));
        }
        return array;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convertTo(Class<?> type, String property, Object value, String path) {
        Class<?> target = boxed(type);
        if (target.isInstance(value) && !(value instanceof java.time.temporal.Temporal) && !(value instanceof BigDecimal)) {
            return value;
        }
        try {
            if (target == String.class) {
                if (value instanceof Character || value instanceof UUID || value instanceof Enum) {
                    return value.toString();
                }
            } else if (Number.class.isAssignableFrom(target)) {
                return number(target, value);
            } else if (target == Boolean.class) {
                if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
                    return Boolean.valueOf(s);
                }
            } else if (target == UUID.class) {
                if (value instanceof String s) {
                    return UUID.fromString(s);
                }
            } else if (target.isEnum()) {
                if (value instanceof String s) {
                    for (Object constant : target.getEnumConstants()) {
                        if (((Enum<?>) constant).name().equals(s)) {
                            return constant;
                        }
                    }
                    throw new FilterException(path, "'" + s + "' is not a value of " + target.getSimpleName() + " for '" + property + "'",
                            Arrays.stream(target.getEnumConstants()).map(c -> ((Enum) c).name()).toList());
                }
            } else if (target == Character.class) {
                if (value instanceof String s && s.length() == 1) {
                    return s.charAt(0);
                }
            } else {
                Object temporal = temporal(target, value);
                if (temporal != null) {
                    return temporal;
                }
            }
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            throw mismatch(path, property, target, value);
        }
        throw mismatch(path, property, target, value);
    }

    private static FilterException mismatch(String path, String property, Class<?> target, Object value) {
        String shown = value instanceof String s ? "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"" : String.valueOf(value);
        return new FilterException(path, "property '" + property + "' expects " + describe(target) + ", got " + shown);
    }

    private static String describe(Class<?> target) {
        if (Number.class.isAssignableFrom(target)) {
            return "a number (" + target.getSimpleName() + ")";
        }
        if (target == Instant.class || target == OffsetDateTime.class || target == ZonedDateTime.class) {
            return "an ISO-8601 timestamp such as 2024-01-31T12:00:00Z";
        }
        return "a value of type " + target.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** Decimals beyond what any of the databases stores (38 digits, scale ±100) are refused, not rounded or expanded. */
    static BigDecimal checkedDecimal(BigDecimal decimal, String path) {
        if (decimal.signum() != 0 && (decimal.precision() - decimal.scale() > 100 || decimal.scale() > 100)) {
            throw new FilterException(path, "number out of range: " + decimal.toString().substring(0, Math.min(40, decimal.toString().length())));
        }
        return decimal;
    }

    private static Object number(Class<?> target, Object value) {
        BigDecimal decimal;
        if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof BigInteger i) {
            decimal = new BigDecimal(i);
        } else if (value instanceof Double || value instanceof Float) {
            decimal = BigDecimal.valueOf(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            decimal = BigDecimal.valueOf(n.longValue());
        } else if (value instanceof String s && s.length() <= 100) {
            decimal = new BigDecimal(s.trim());
        } else {
            throw new IllegalArgumentException("not a number");
        }
        if (decimal.signum() != 0 && (decimal.precision() - decimal.scale() > 100 || decimal.scale() > 100)) {
            throw new ArithmeticException("out of range");
        }
        if (target == BigDecimal.class) {
            return decimal;
        }
        if (target == Double.class) {
            return decimal.doubleValue();
        }
        if (target == Float.class) {
            return decimal.floatValue();
        }
        if (target == BigInteger.class) {
            return decimal.toBigIntegerExact();
        }
        if (target == Long.class) {
            return decimal.longValueExact();
        }
        if (target == Integer.class) {
            return decimal.intValueExact();
        }
        if (target == Short.class) {
            return decimal.shortValueExact();
        }
        if (target == Byte.class) {
            return decimal.byteValueExact();
        }
        throw new IllegalArgumentException("unsupported number type");
    }

    private static Object temporal(Class<?> target, Object value) {
        if (value instanceof LocalDate d && target == LocalDate.class) {
            return inRange(d.getYear(), d);
        }
        if (value instanceof LocalDateTime d && target == LocalDateTime.class) {
            return inRange(d.getYear(), d);
        }
        if (value instanceof LocalTime t && target == LocalTime.class) {
            return t;
        }
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof java.util.Date d) {
            instant = d.toInstant();
        } else if (value instanceof String s) {
            if (target == LocalDate.class) {
                return inRange(LocalDate.parse(s).getYear(), LocalDate.parse(s));
            }
            if (target == LocalTime.class) {
                return LocalTime.parse(s);
            }
            if (target == LocalDateTime.class) {
                return inRange(LocalDateTime.parse(s).getYear(), LocalDateTime.parse(s));
            }
            instant = s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(s).toInstant();
        }
        if (instant == null) {
            return null;
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            // Every database stores years 1 to 9999; beyond them they fail or silently wrap.
            throw new IllegalArgumentException("year out of range");
        }
        if (target == Instant.class) {
            return instant;
        }
        if (target == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (target == ZonedDateTime.class) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (target == LocalDate.class) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (target == java.util.Date.class) {
            return java.util.Date.from(instant);
        }
        if (target == java.sql.Timestamp.class) {
            return java.sql.Timestamp.from(instant);
        }
        return null;
    }

    private static <T> T inRange(int year, T value) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        return value;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
