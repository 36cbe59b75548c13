# The four tags built on this page (images made in the same second list in either order).
test "$(docker image ls linux_tweet_app --format '{{.Tag}}' | sort | tr '\n' ' ')" = "1.0 2.0 3.0 3.1 "
