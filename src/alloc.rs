//! The `baton` binary's global allocator: mimalloc, called through its plain entry
//! points whenever the alignment asked for is one every mimalloc block has.
//!
//! The `mimalloc` crate's allocator passes every request to `mi_malloc_aligned`,
//! whose fast path only finds a block when the page for that size already has one
//! free; the first request for a size finds none and takes the generic aligned path,
//! which serves it from a larger size class, so the page for the size itself is
//! never made and every later request goes the same way. A 48-byte object cost 64
//! bytes and a 112-byte one 128. `mi_malloc` rounds a request up to its own size
//! class only.
//!
//! Blocks of `LARGE` bytes and more (the buffers of big lists, dicts and the ready
//! queue) are mappings of their own instead: growing one is an `mremap`, which moves
//! the pages rather than copying them into a second buffer, and freeing one gives its
//! memory back to the system at once. mimalloc would copy on growth and keep the old
//! buffer's pages resident until its purge delay passed, so a program that builds a
//! list of a million entries held about twice the list at its peak. Which of the two
//! owns a block follows from its size, which Rust passes to every `dealloc` and
//! `realloc`.

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment of every block mimalloc hands out: block sizes are whole words and
/// pages start on 16 bytes.
const WORD: usize = std::mem::size_of::<usize>();

pub struct Allocator;

/// The size from which a block is a mapping of its own (see the module comment).
const LARGE: usize = 256 * 1024;

/// The largest alignment a mapping guarantees: it starts on a page.
const PAGE: usize = 4096;

/// Is a block of `layout` (or of `size` bytes with its alignment) a mapping?
#[inline(always)]
fn is_mapped(size: usize, align: usize) -> bool {
    size >= LARGE && align <= PAGE
}

/// The length of the mapping that holds `size` bytes: whole pages.
#[inline]
fn mapped_len(size: usize) -> usize {
    size.div_ceil(PAGE) * PAGE
}

/// A fresh mapping of at least `size` zeroed bytes, or null.
#[cold]
unsafe fn map(size: usize) -> *mut u8 {
    let p = libc::mmap(
        std::ptr::null_mut(),
        mapped_len(size),
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
        0,
    );
    if p == libc::MAP_FAILED {
        std::ptr::null_mut()
    } else {
        p as *mut u8
    }
}

#[cold]
unsafe fn unmap(ptr: *mut u8, size: usize) {
    libc::munmap(ptr as *mut c_void, mapped_len(size));
}

/// `realloc` where the old block, the new one or both are mappings.
#[cold]
unsafe fn realloc_mapped(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    let align = layout.align();
    let (old_mapped, new_mapped) = (is_mapped(layout.size(), align), is_mapped(new_size, align));
    if old_mapped && new_mapped {
        let p = libc::mremap(
            ptr as *mut c_void,
            mapped_len(layout.size()),
            mapped_len(new_size),
            libc::MREMAP_MAYMOVE,
        );
        return if p == libc::MAP_FAILED {
            std::ptr::null_mut()
        } else {
            p as *mut u8
        };
    }
    // Across the boundary: a new block from the other side, the contents copied.
    let new_layout = Layout::from_size_align_unchecked(new_size, align);
    let new = Allocator.alloc(new_layout);
    if !new.is_null() {
        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
        Allocator.dealloc(ptr, layout);
    }
    new
}

// SAFETY: each method forwards to the mimalloc function with the same contract; a
// plain entry point is used only when the alignment asked for is at most a word,
// which every mimalloc block has. Mappings are page-aligned and zeroed, hold whole
// pages, and are only ever passed back to munmap/mremap, since a block's size (which
// decides its owner) is the same at its allocation and at its `dealloc`/`realloc`.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_mapped(layout.size(), layout.align()) {
            map(layout.size())
        } else if layout.align() <= WORD {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_mapped(layout.size(), layout.align()) {
            map(layout.size())
        } else if layout.align() <= WORD {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if is_mapped(layout.size(), layout.align()) {
            unmap(ptr, layout.size());
        } else {
            mi_free(ptr as *mut c_void);
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if is_mapped(layout.size(), layout.align()) || is_mapped(new_size, layout.align()) {
            realloc_mapped(ptr, layout, new_size)
        } else if layout.align() <= WORD {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
