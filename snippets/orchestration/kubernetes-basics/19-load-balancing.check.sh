# More than one Pod answered the step's 8 requests (all 8 landing on one of 4 Pods has a
# probability of 4 x (1/4)^8 = 0.00006).
answered=$(sed -n 's/.*Running on: \([^ ]*\) .*/\1/p' "$DSP_STEP_OUTPUT" | sort -u | wc -l)
(( answered > 1 ))
