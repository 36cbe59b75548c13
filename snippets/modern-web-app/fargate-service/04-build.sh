docker image build --tag mythicalmysfits/service .
