docker image build --tag linux_tweet_app:2.0 .
