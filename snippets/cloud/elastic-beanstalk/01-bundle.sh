mkdir -p .ebextensions
cp options.config.yaml .ebextensions/options.config   # the block above, under its real name
zip -q -r nodejs-app.zip app.js package.json .ebextensions
unzip -Z1 nodejs-app.zip
