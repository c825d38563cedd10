package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Validates a converted experiment tree against {@link ExperimentSchema} and turns each schema
 * error into a {@link Finding} with a message a user can act on (unknown keys get a "did you
 * mean" hint from the keys the schema allows at that place).
 */
final class SchemaCheck {

  private final JsonSchema schema;
  private final JsonNode schemaTree;

  SchemaCheck() {
    try {
      String text = ExperimentSchema.text();
      this.schemaTree = new ObjectMapper().readTree(text);
      this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the shipped experiment schema is not valid JSON", e);
    }
  }

  /**
   * Every schema error for the tree. {@code isSecret} says which pointers hold environment values,
   * whose values must not be quoted.
   */
  List<Finding> check(JsonNode tree, Predicate<String> isSecret) {
    Set<ValidationMessage> messages = schema.validate(tree);
    List<ValidationMessage> sorted = messages.stream()
        .sorted(Comparator.comparing((ValidationMessage v) -> v.getInstanceLocation().toString())).toList();
    Set<String> typoTargets = new java.util.HashSet<>();
    for (ValidationMessage m : sorted) {
      if (m.getType().equals("additionalProperties")) {
        Suggestions.closest(m.getProperty(), allowedKeys(m))
            .ifPresent(k -> typoTargets.add(Pointers.child(pointer(m.getInstanceLocation()), k)));
      }
    }
    List<Finding> out = new ArrayList<>();
    for (ValidationMessage m : sorted) {
      String pointer = pointer(m.getInstanceLocation());
      boolean explainedByTypo = m.getType().equals("required")
          && typoTargets.contains(Pointers.child(pointer, m.getProperty()));
      if (!explainedByTypo) {
        out.add(translate(m, pointer, tree.at(pointer), isSecret.test(pointer)));
      }
    }
    return out;
  }

  private Finding translate(ValidationMessage m, String pointer, JsonNode instance, boolean secret) {
    String where = Pointers.display(pointer);
    String type = m.getType();
    return switch (type) {
      case "additionalProperties" -> {
        String key = m.getProperty();
        List<String> allowed = allowedKeys(m);
        yield Finding.atKey(Pointers.child(pointer, key), "unknown key `" + key + "` in " + where,
            Suggestions.didYouMean(key, allowed).or(() -> allowed.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of("allowed here: " + String.join(", ", allowed))));
      }
      case "required" -> Finding.at(pointer, where + " is missing the required key `" + m.getProperty() + "`");
      case "type" -> Finding.at(pointer, where + " must be " + expectedType(m) + ", not " + describe(instance));
      case "enum" -> {
        List<String> options = enumValues(m);
        String hint = instance.isTextual() && !secret
            ? Suggestions.didYouMean(instance.asText(), options).orElse(null) : null;
        yield Finding.at(pointer, where + " must be one of " + String.join(", ", options)
            + (secret ? "" : ", not " + quote(instance)), hint);
      }
      case "const" -> Finding.at(pointer, where + " must be " + constValue(m) + (secret ? "" : ", not " + quote(instance)));
      case "pattern" -> Finding.at(pointer, where + " has the wrong format"
          + (secret ? "" : ": " + quote(instance)), description(m));
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          Finding.at(pointer, where + " is out of range (" + type + " " + argument(m, 0) + ")");
      case "minItems" -> Finding.at(pointer, where + " needs at least " + argument(m, 0) + " item(s)");
      case "minLength" -> Finding.at(pointer, where + " must not be empty");
      case "uniqueItems" -> Finding.at(pointer, where + " lists the same item twice");
      case "dependentRequired" -> Finding.at(pointer, where + " uses `" + m.getProperty() + "`, which needs "
          + argument(m, 0).replace("[", "`").replace("]", "`"));
      case "oneOf", "anyOf", "not", "if", "then", "else" -> Finding.at(pointer, where
          + " does not match any allowed shape", description(m));
      case "propertyNames" -> Finding.at(pointer, where + " has an invalid key name", "use letters, digits, - and _");
      default -> Finding.at(pointer, where + ": " + (secret ? "invalid value" : m.getError()));
    };
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      b.append(e instanceof Integer n ? Pointers.child("", n) : Pointers.child("", String.valueOf(e)));
    }
    return b.toString();
  }

  /** The schema node that holds the failing keyword. */
  private JsonNode schemaParent(ValidationMessage m) {
    JsonNodePath fragment = m.getSchemaLocation().getFragment();
    JsonNode node = schemaTree;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object e = fragment.getElement(i);
      node = e instanceof Integer n ? node.path(n) : node.path(String.valueOf(e));
    }
    return node;
  }

  private List<String> allowedKeys(ValidationMessage m) {
    List<String> keys = new ArrayList<>();
    schemaParent(m).path("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private String description(ValidationMessage m) {
    JsonNode parent = schemaParent(m);
    JsonNode d = parent.path("description");
    return d.isTextual() ? d.asText() : null;
  }

  private List<String> enumValues(ValidationMessage m) {
    List<String> out = new ArrayList<>();
    schemaParent(m).path("enum").forEach(v -> out.add(v.asText()));
    return out;
  }

  private String constValue(ValidationMessage m) {
    return schemaParent(m).path("const").asText();
  }

  private String expectedType(ValidationMessage m) {
    JsonNode t = schemaParent(m).path("type");
    List<String> types = new ArrayList<>();
    if (t.isArray()) {
      t.forEach(x -> types.add(x.asText()));
    } else {
      types.add(t.asText());
    }
    return types.stream().map(SchemaCheck::article).collect(Collectors.joining(" or "));
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a map";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "boolean" -> "true or false";
      default -> "a " + type;
    };
  }

  static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isIntegralNumber()) {
      return "an integer";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "true/false";
    }
    if (n.isNull()) {
      return "empty";
    }
    return "text";
  }

  private static String quote(JsonNode n) {
    String s = n.isTextual() ? n.asText() : n.toString();
    return "`" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "`";
  }

  private static String argument(ValidationMessage m, int i) {
    Object[] args = m.getArguments();
    return args != null && args.length > i ? String.valueOf(args[i]) : "";
  }
}
