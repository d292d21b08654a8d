import CerebroCLI
