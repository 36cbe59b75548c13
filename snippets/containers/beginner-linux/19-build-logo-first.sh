docker image build --file logo-first.Dockerfile --tag linux_tweet_app:3.0 .
