// The model's rooms: all a model test can see.
global using BlinkInfra.Config;
global using BlinkInfra.Facts;
global using BlinkInfra.Stacks;
