// The rooms of the program and its tools, as every test file may need them.
global using BlinkInfra.Cli;
global using BlinkInfra.Config;
global using BlinkInfra.Diff;
global using BlinkInfra.Host;
global using BlinkInfra.Plan;
global using BlinkInfra.Policies;
global using BlinkInfra.Recorder;
global using BlinkInfra.Stacks;
global using BlinkInfra.State;
global using BlinkInfra.Bill;
global using BlinkInfra.Fleet;
