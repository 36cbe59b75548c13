# One image, two names.
[[ $(docker image inspect --format '{{.Id}}' localhost:5043/linux_tweet_app:1.0) == "$(docker image inspect --format '{{.Id}}' linux_tweet_app:1.0)" ]]
