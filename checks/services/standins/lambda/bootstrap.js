// Run a Node.js handler once, as Lambda would: `bootstrap.js file.function EVENT-JSON`.
const crypto = require("crypto");
const [handler, eventJson] = process.argv.slice(2);
const dot = handler.lastIndexOf(".");
const context = {
  awsRequestId: crypto.randomUUID(),
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  getRemainingTimeInMillis: () => 3000,
};

(async () => {
  try {
    const module = require(`/var/task/${handler.slice(0, dot)}`);
    const result = await module[handler.slice(dot + 1)](JSON.parse(eventJson), context);
    process.stdout.write("\n" + JSON.stringify(result === undefined ? null : result) + "\n");
  } catch (error) {
    console.error(error);
    process.stdout.write("\n" + JSON.stringify({ errorMessage: String(error.message), errorType: error.name }) + "\n");
    process.exitCode = 1;
  }
})();
