curl --silent --user testuser:testpassword http://localhost:5043/v2/_catalog
curl --silent --user testuser:testpassword http://localhost:5043/v2/linux_tweet_app/tags/list
