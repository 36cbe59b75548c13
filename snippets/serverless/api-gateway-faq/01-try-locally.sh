node -e '
const { handler } = require("./index.js");
handler({}).then((response) => console.log(JSON.stringify(response, null, 2)));
'
