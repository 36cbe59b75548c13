docker version --format 'Client: {{.Client.Version}}
Server: {{.Server.Version}}'
