docker image build --tag linux_tweet_app:1.0 .
