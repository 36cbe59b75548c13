docker image build --quiet --tag layers-demo:1.0 .
