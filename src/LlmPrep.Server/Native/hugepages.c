// Linked into the Linux Native AOT binary. Before main, asks the kernel to back the program's zero-initialised data
// (the .bss part of its writable segment) with transparent huge pages where the system allows it ("madvise" mode).
//
// Why: at start the Native AOT runtime unpacks its type data (about 13 MB for llmprep) into that region. With 4 KiB
// pages that is one page fault per page, over 3,000 of them, which was half of the start-up time; with 2 MiB pages
// it is a handful. Where huge pages are off, or on a system without them, madvise fails and nothing changes.
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 * 1024 * 1024)

static int advise_zero_initialised_data(struct dl_phdr_info *info, size_t size, void *unused)
{
    (void)size;
    (void)unused;
    // The first object is the program itself (its name is empty); shared libraries are left alone.
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz)
        {
            continue;
        }

        uintptr_t start = info->dlpi_addr + segment->p_vaddr + segment->p_filesz;
        uintptr_t end = info->dlpi_addr + segment->p_vaddr + segment->p_memsz;
        uintptr_t first = (start + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        uintptr_t last = end & ~(HUGE_PAGE - 1);
        if (last > first)
        {
            madvise((void *)first, last - first, MADV_HUGEPAGE);
        }
    }

    return 1;
}

__attribute__((constructor)) static void llmprep_advise_huge_pages(void)
{
    dl_iterate_phdr(advise_zero_initialised_data, 0);
}
