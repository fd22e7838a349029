// Linked into the Linux Native AOT binary. Before main, gives the garbage collector a first gen0 budget of 16 MiB
// (DOTNET_GCgen0size, a documented runtime setting that only the environment can carry), unless the person running
// the program has set one.
//
// Why: start-up allocates more than the default budget of a machine with a small cache, and the collection that
// forced was about a tenth of the time to the first answer. The runtime reads the setting when it starts, after this.
#include <stdlib.h>

__attribute__((constructor)) static void llmprep_set_gen0_budget(void)
{
    setenv("DOTNET_GCgen0size", "1000000", 0); // hexadecimal, as the runtime reads it: 16 MiB
}
