echo '<!-- edited again -->' >> index.html
docker image build --file logo-first.Dockerfile --tag linux_tweet_app:3.1 .
