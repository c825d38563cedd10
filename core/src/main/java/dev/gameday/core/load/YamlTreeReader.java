package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text with SnakeYAML (keeping every node's line and column) and converts it to a
 * Jackson tree, interpolating {@code ${env:...}} in scalar values on the way. Refuses duplicate
 * keys, alias bombs, recursive aliases, merge keys and custom tags, each as a located finding.
 */
final class YamlTreeReader {

  /** Most aliases to collections a file may use (a "billion laughs" file needs many more). */
  static final int MAX_ALIASES = 50;
  /** Most nodes the converted tree may have after alias expansion. */
  static final int MAX_NODES = 100_000;
  private static final int MAX_DEPTH = 50;

  private final EnvInterpolator interpolator;

  YamlTreeReader(EnvInterpolator interpolator) {
    this.interpolator = interpolator;
  }

  YamlTree read(String text) {
    Node root;
    try {
      root = compose(text);
    } catch (MarkedYAMLException e) {
      return syntaxOnly(new Finding.Located(Position.of(e.getProblemMark()), yamlMessage(e), null));
    } catch (YAMLException e) {
      return syntaxOnly(new Finding.Located(Position.START, yamlMessage(e), null));
    } catch (RuntimeException e) {
      return syntaxOnly(new Finding.Located(Position.START, "cannot parse the YAML: " + e, null));
    }
    if (root == null) {
      return syntaxOnly(new Finding.Located(Position.START,
          "the file holds no YAML document (it is empty or only comments)", "start from one of the examples in experiments/"));
    }
    return new Conversion().run(root);
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(SourceDecoder.MAX_BYTES + 1);
    options.setProcessComments(false);
    Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
    return composer.getSingleNode();
  }

  private static String yamlMessage(YAMLException e) {
    if (e instanceof MarkedYAMLException m) {
      String problem = m.getProblem() == null ? "" : m.getProblem();
      String context = m.getContext() == null ? "" : m.getContext() + ": ";
      if (problem.contains("found character '\\t'")) {
        return "tab character where YAML expects spaces";
      }
      return "not valid YAML: " + context + problem.replace('\n', ' ').strip();
    }
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("aliases")) {
      return "too many aliases (more than " + MAX_ALIASES + "); alias bombs (\"billion laughs\") are refused";
    }
    return "not valid YAML: " + msg.replace('\n', ' ').strip();
  }

  private static YamlTree syntaxOnly(Finding.Located problem) {
    return new YamlTree(null, new PositionIndex(), Set.of(), Set.of(), Map.of(), List.of(), List.of(problem));
  }

  /** One conversion of one document; holds the mutable state of the walk. */
  private final class Conversion {
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final PositionIndex positions = new PositionIndex();
    private final Set<String> secretPointers = new HashSet<>();
    private final Set<String> envPointers = new HashSet<>();
    private final Map<String, Set<String>> envValues = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Finding.Located> syntax = new ArrayList<>();
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Resolver resolver = new Resolver();
    private int nodes;
    private boolean tooBig;

    YamlTree run(Node root) {
      JsonNode tree = convert(root, "");
      if (tooBig) {
        return new YamlTree(null, positions, secretPointers, envPointers, envValues, List.of(),
            List.of(new Finding.Located(Position.START, "the document expands to more than " + MAX_NODES
                + " nodes through aliases; alias bombs are refused", null)));
      }
      return new YamlTree(tree, positions, Set.copyOf(secretPointers), Set.copyOf(envPointers),
          Map.copyOf(envValues), List.copyOf(findings), List.copyOf(syntax));
    }

    private JsonNode convert(Node node, String pointer) {
      if (++nodes > MAX_NODES) {
        tooBig = true;
        return json.nullNode();
      }
      positions.value(pointer, Position.of(node.getStartMark()));
      if (!onPath.add(node)) {
        findings.add(Finding.at(pointer, "recursive alias: this node contains itself"));
        return json.nullNode();
      }
      try {
        return switch (node) {
          case ScalarNode s -> scalar(s, pointer);
          case SequenceNode seq -> sequence(seq, pointer);
          case MappingNode map -> mapping(map, pointer);
          default -> json.nullNode();
        };
      } finally {
        onPath.remove(node);
      }
    }

    private JsonNode sequence(SequenceNode seq, String pointer) {
      ArrayNode array = json.arrayNode();
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size() && !tooBig; i++) {
        array.add(convert(items.get(i), Pointers.child(pointer, i)));
      }
      return array;
    }

    private JsonNode mapping(MappingNode map, String pointer) {
      ObjectNode object = json.objectNode();
      Map<String, Position> seen = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        if (tooBig) {
          break;
        }
        Node keyNode = tuple.getKeyNode();
        Position keyPos = Position.of(keyNode.getStartMark());
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          syntax.add(new Finding.Located(keyPos, "keys must be plain text, not lists or maps", null));
          continue;
        }
        String key = keyScalar.getValue();
        if (keyScalar.getTag().equals(Tag.MERGE) || "<<".equals(key)) {
          syntax.add(new Finding.Located(keyPos, "merge keys (<<) are not supported", "write the keys out"));
          continue;
        }
        String child = Pointers.child(pointer, key);
        Position first = seen.putIfAbsent(key, keyPos);
        if (first != null) {
          syntax.add(new Finding.Located(keyPos, "duplicate key `" + key + "` (first at line " + first.line()
              + ", column " + first.column() + ")", "remove one of them"));
          continue;
        }
        positions.key(child, keyPos);
        object.set(key, convert(tuple.getValueNode(), child));
      }
      return object;
    }

    private JsonNode scalar(ScalarNode s, String pointer) {
      Tag tag = s.getTag();
      if (!tag.getValue().startsWith(Tag.PREFIX)) {
        findings.add(Finding.at(pointer, "YAML tag " + tag.getValue() + " is not supported", "remove the tag"));
        return json.textNode(s.getValue());
      }
      String value = s.getValue();
      EnvInterpolator.Result r = interpolator.interpolate(value);
      if (r.hadPlaceholder()) {
        envPointers.add(pointer);
        if (r.syntaxError().isPresent()) {
          findings.add(Finding.at(pointer, r.syntaxError().get(),
              "write ${env:NAME} or ${env:NAME:-default}; $${ writes a literal ${"));
          return json.textNode("");
        }
        for (String missing : r.missing()) {
          findings.add(Finding.at(pointer, "environment variable " + missing + " is not set",
              "set it, or give a default: ${env:" + missing + ":-value}"));
        }
        if (r.usedEnvValue()) {
          secretPointers.add(pointer);
          envValues.put(pointer, r.secretValues());
        }
        if (s.isPlain() && tag.equals(Tag.STR)) {
          tag = resolver.resolve(NodeId.scalar, r.value(), true);
        }
      }
      return typed(r.value(), tag);
    }

    private JsonNode typed(String value, Tag tag) {
      if (tag.equals(Tag.NULL)) {
        return json.nullNode();
      }
      if (tag.equals(Tag.BOOL)) {
        String v = value.toLowerCase(Locale.ROOT);
        return json.booleanNode(v.equals("true") || v.equals("yes") || v.equals("on"));
      }
      if (tag.equals(Tag.INT)) {
        return integer(value).map(this::number).orElseGet(() -> json.textNode(value));
      }
      if (tag.equals(Tag.FLOAT)) {
        try {
          double d = Double.parseDouble(value.replace("_", ""));
          return Double.isFinite(d) ? json.numberNode(d) : json.textNode(value);
        } catch (NumberFormatException e) {
          return json.textNode(value);
        }
      }
      return json.textNode(value);
    }

    private JsonNode number(BigInteger n) {
      if (n.bitLength() < 32) {
        return json.numberNode(n.intValue());
      }
      return n.bitLength() < 64 ? json.numberNode(n.longValue()) : json.numberNode(n);
    }

    private Optional<BigInteger> integer(String raw) {
      String v = raw.replace("_", "");
      boolean negative = v.startsWith("-");
      if (v.startsWith("-") || v.startsWith("+")) {
        v = v.substring(1);
      }
      try {
        BigInteger n;
        if (v.startsWith("0x")) {
          n = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0b")) {
          n = new BigInteger(v.substring(2), 2);
        } else if (v.length() > 1 && v.startsWith("0") && !v.contains(":")) {
          n = new BigInteger(v.substring(1), 8);
        } else {
          n = new BigInteger(v);
        }
        return Optional.of(negative ? n.negate() : n);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
