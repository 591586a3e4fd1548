"""Door-neutral use cases: the assistant core, services, briefings, onboarding, feedback, identity."""
