# The default bridge: the host's resolvers, not Docker's embedded one.
grep -q '^nameserver ' "$DSP_STEP_OUTPUT"
! grep -q '127\.0\.0\.11' "$DSP_STEP_OUTPUT"
