docker login localhost:5043
