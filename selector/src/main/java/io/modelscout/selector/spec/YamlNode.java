package io.modelscout.selector.spec;

import io.modelscout.selector.spec.Locations.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document as a small tree that keeps the line and column of every key and value. Jackson's own tree
 * ({@code JsonNode}) drops positions and repeated keys, and a task file's errors must point at both.
 */
sealed interface YamlNode {
    /** The YAML reader: its parser reports 1-based token positions. */
    YAMLFactory FACTORY = new YAMLFactory();

    /**
     * Where the node starts.
     *
     * @return the position
     */
    Location at();

    /**
     * A mapping, its entries in file order; repeated keys are kept so that they can be reported.
     *
     * @param entries the entries
     * @param at where the mapping starts
     */
    record MapNode(List<Entry> entries, Location at) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One key of a mapping.
     *
     * @param key the key's text
     * @param keyAt where the key is
     * @param value the value
     */
    record Entry(String key, Location keyAt, YamlNode value) {
    }

    /**
     * A sequence.
     *
     * @param items the items in order
     * @param at where the sequence starts
     */
    record ListNode(List<YamlNode> items, Location at) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as the YAML 1.2 JSON schema resolved it: an unquoted {@code 10} is an integer, {@code ten} a string.
     *
     * @param kind what the scalar resolved to
     * @param text the text as written (for numbers the digits, for strings the unquoted content)
     * @param alias whether it was an alias ({@code *name}) rather than a value
     * @param at where the scalar is
     */
    record Scalar(Kind kind, String text, boolean alias, Location at) implements YamlNode {
    }

    /** What a scalar resolved to. */
    enum Kind {
        STRING, INTEGER, DECIMAL, BOOLEAN, NULL
    }

    /** A YAML problem the tree could not be built past. */
    final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Location at;

        SyntaxException(String message, Location at) {
            super(message, null, false, false);
            this.at = at;
        }

        Location at() {
            return at;
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param text the file's content
     * @return the root, or empty when the document holds no value (an empty file, only comments)
     * @throws SyntaxException for malformed YAML or a second document, with a one-line message and position
     */
    static Optional<YamlNode> parse(String text) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = read(parser, first);
            if (parser.nextToken() != null) {
                throw new SyntaxException("a task file holds one YAML document, found a second one (after '---')",
                        location(parser.currentTokenLocation()));
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            throw syntaxError(e);
        }
    }

    private static YamlNode read(JsonParser parser, JsonToken token) {
        Location at = location(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> {
                var entries = new ArrayList<Entry>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    entries.add(new Entry(key, keyAt, read(parser, parser.nextToken())));
                }
                yield new MapNode(entries, at);
            }
            case START_ARRAY -> {
                var items = new ArrayList<YamlNode>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                yield new ListNode(items, at);
            }
            case VALUE_NUMBER_INT -> scalar(parser, Kind.INTEGER, at);
            case VALUE_NUMBER_FLOAT -> scalar(parser, Kind.DECIMAL, at);
            case VALUE_TRUE, VALUE_FALSE -> scalar(parser, Kind.BOOLEAN, at);
            case VALUE_NULL -> scalar(parser, Kind.NULL, at);
            default -> scalar(parser, Kind.STRING, at);
        };
    }

    private static Scalar scalar(JsonParser parser, Kind kind, Location at) {
        boolean alias = parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
        String text = parser.getString();
        return new Scalar(kind, text == null ? "" : text, alias, at);
    }

    private static Location location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Location.NONE;
        }
        return new Location(location.getLineNr(), Math.max(0, location.getColumnNr()));
    }

    /** Turns SnakeYAML's multi-line report (with a source snippet) into one line and the problem's position. */
    private static SyntaxException syntaxError(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            var message = new StringBuilder("YAML syntax error: ").append(marked.getProblem());
            if (marked.getContext() != null) {
                message.append(" (").append(marked.getContext());
                marked.getContextMark().ifPresent(mark -> message.append(" that starts at line ")
                        .append(mark.getLine() + 1).append(", column ").append(mark.getColumn() + 1));
                message.append(')');
            }
            Location at = marked.getProblemMark().map(YamlNode::location).orElse(location(e.getLocation()));
            return new SyntaxException(message.toString(), at);
        }
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return new SyntaxException("YAML syntax error: " + original.lines().findFirst().orElse(original).strip(),
                location(e.getLocation()));
    }

    private static Location location(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
