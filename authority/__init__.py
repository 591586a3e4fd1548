"""Who may grant what: the policy, parsing of authority questions, decisions and their audit."""
