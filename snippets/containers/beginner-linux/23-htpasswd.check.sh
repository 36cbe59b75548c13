# One user, with a bcrypt hash (never the password itself).
grep -Eqx 'testuser:\$2y\$05\$.{53}' auth/htpasswd
! grep -q testpassword auth/htpasswd
