docker image build linux_tweet_app:1.0 .
