package com.competencyrecon.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A credential expression: a bare code, {@code anyOf} or {@code allOf}, nested freely. */
public sealed interface Expression permits Expression.Code, Expression.AnyOf, Expression.AllOf {

    /** Whether a person holding exactly {@code held} (valid credential codes) satisfies this expression. */
    boolean satisfiedBy(Set<String> held);

    /** Every credential code the expression names. */
    Set<String> codes();

    record Code(String code) implements Expression {
        public boolean satisfiedBy(Set<String> held) {
            return held.contains(code);
        }

        public Set<String> codes() {
            return Set.of(code);
        }
    }

    record AnyOf(List<Expression> options) implements Expression {
        public AnyOf {
            options = List.copyOf(options);
        }

        public boolean satisfiedBy(Set<String> held) {
            return options.stream().anyMatch(e -> e.satisfiedBy(held));
        }

        public Set<String> codes() {
            Set<String> all = new LinkedHashSet<>();
            options.forEach(e -> all.addAll(e.codes()));
            return all;
        }
    }

    record AllOf(List<Expression> parts) implements Expression {
        public AllOf {
            parts = List.copyOf(parts);
        }

        public boolean satisfiedBy(Set<String> held) {
            return parts.stream().allMatch(e -> e.satisfiedBy(held));
        }

        public Set<String> codes() {
            Set<String> all = new LinkedHashSet<>();
            parts.forEach(e -> all.addAll(e.codes()));
            return all;
        }
    }
}
