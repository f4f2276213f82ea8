package dev.vigil.playbook;

import java.util.ArrayList;
import java.util.List;

/** For tests that check every expression: those of the suppressions, rules and questions, with their evidence. */
final class PlaybookExpressions {

    private PlaybookExpressions() {
    }

    static List<Expression> of(Playbooks playbooks) {
        List<Expression> expressions = new ArrayList<>();
        for (Playbook playbook : playbooks.all()) {
            for (Suppression suppression : playbook.suppressions()) {
                expressions.add(suppression.when());
                expressions.addAll(suppression.evidence().values());
            }
            for (Rule rule : playbook.rules()) {
                expressions.add(rule.when());
                expressions.addAll(rule.evidence().values());
            }
            for (Question question : playbook.questions()) {
                expressions.add(question.answer());
                expressions.addAll(question.evidence().values());
            }
        }
        return expressions;
    }
}
