// The OrgTasks server: one silo with its HTTP API and health endpoints. The host is built in OrgTasks.Api
// (ServerHost: the silo and Kestrel; ServerApp: what the web application serves), shared with `orgtasks silo`.
return await OrgTasks.Api.Hosting.ServerProgram.RunAsync(args);
