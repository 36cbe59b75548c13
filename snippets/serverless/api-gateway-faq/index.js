// FAQ: a random question and answer about AWS Lambda, for API Gateway's Lambda proxy integration.
const faq = require("./faq.json");

exports.handler = async (event) => {
  const index = Math.floor(Math.random() * faq.questions.length);
  console.log("Question selected:", index);

  // A proxy integration passes this object to the client as the HTTP response:
  // statusCode and headers as given, body as a string.
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(faq.questions[index]),
  };
};
