pipx install awsebcli                # the EB CLI, in a virtual environment of its own
eb init --platform node.js --region us-east-1 nodejs-app
eb create nodejs-app-env             # the environment and all its resources
eb deploy                            # after each change: bundle, upload, deploy
eb open                              # the app in your browser
