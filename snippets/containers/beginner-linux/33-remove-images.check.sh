# None of the lab's images is left, and no build cache: a second run of the lab starts as the first did.
test -z "$(docker image ls --quiet linux_tweet_app)"
test -z "$(docker image ls --quiet localhost:5043/linux_tweet_app)"
