global using Orleans;
global using OrgTasks.Errors;
global using OrgTasks.Grains;
global using OrgTasks.Identity;
global using OrgTasks.Leaflets;
global using OrgTasks.Plan;
global using OrgTasks.Statements;
