aws cognito-idp sign-up --client-id "$CLIENT_ID" \
  --username the_username --password 'Unicorn-Rides-2024!' \
  --user-attributes Name=email,Value=rider@example.com \
  --query UserConfirmed --output text
aws cognito-idp admin-confirm-sign-up --user-pool-id "$POOL_ID" --username the_username
aws cognito-idp admin-get-user --user-pool-id "$POOL_ID" --username the_username \
  --query UserStatus --output text
