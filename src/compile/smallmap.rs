//! A map for the small key sets of one code object (its constants, names and local
//! variables). Most hold a handful of keys, where a linear search is faster than
//! hashing and, above all, allocates no table: compiling asyncio makes some 160 code
//! objects with three such maps each. Past `LINEAR` entries a hash index is built, so
//! large code objects stay linear-time.

use ahash::AHashMap;
use std::borrow::Borrow;
use std::hash::Hash;

const LINEAR: usize = 16;

pub(crate) struct SmallMap<K, V> {
    items: Vec<(K, V)>,
    index: Option<AHashMap<K, usize>>,
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap {
            items: Vec::new(),
            index: None,
        }
    }
}

impl<K: Eq + Hash + Clone, V: Copy> SmallMap<K, V> {
    pub(crate) fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        match &self.index {
            Some(index) => index.get(key).map(|&i| self.items[i].1),
            None => self
                .items
                .iter()
                .find(|(k, _)| k.borrow() == key)
                .map(|(_, v)| *v),
        }
    }

    /// Adds a key that is not in the map yet.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.items.len());
        }
        self.items.push((key, value));
        if self.index.is_none() && self.items.len() > LINEAR {
            let index = self
                .items
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
            self.index = Some(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn small_and_large() {
        let mut m: SmallMap<String, u32> = SmallMap::default();
        for i in 0..100u32 {
            assert_eq!(m.get(i.to_string().as_str()), None);
            m.insert(i.to_string(), i * 2);
            for j in 0..=i {
                assert_eq!(m.get(j.to_string().as_str()), Some(j * 2));
            }
        }
    }
}
