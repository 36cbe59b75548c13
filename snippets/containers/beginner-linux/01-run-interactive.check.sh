# --rm: the container is gone once its shell has exited.
test -z "$(docker container ls --all --quiet --filter "label=dsp.session=$DSP_SESSION")"
