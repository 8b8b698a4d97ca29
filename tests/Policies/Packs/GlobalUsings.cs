// The rooms a policy test can see: the policies, the records they read, the model.
global using BlinkInfra.Config;
global using BlinkInfra.Facts;
global using BlinkInfra.Plan;
global using BlinkInfra.Policies;
