//! The drug lexicon: names seen in workers' compensation letters, brand or
//! generic, each with its drug group (as the CWCI and DWC reports group
//! them) and, for a brand, the generic it stands for. One list serves both
//! the medications of case summaries and the drug group of pharmacy items
//! (classify.rs); names not listed are still found as medications when a
//! strength follows them ("Trezix 320.5-30-16mg").

use crate::fnv::FixedKeys;
use crate::DrugGroup;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Drugs of one group.
pub struct Group {
    pub group: DrugGroup,
    /// Why the group is doubtful for these drugs.
    pub unsure: Option<&'static str>,
    /// Transdermal forms of these act on the whole body, so a patch of them
    /// stays in their group rather than counting as topical.
    pub systemic_patch: bool,
    /// Lowercase names separated by commas: a generic as it is, a brand as
    /// "brand = generic" (a string keeps the table compact where rustfmt
    /// would put every name on a line).
    names: &'static str,
}

const fn group(group: DrugGroup, names: &'static str) -> Group {
    Group {
        group,
        unsure: None,
        systemic_patch: false,
        names,
    }
}

/// Every drug of the lexicon, by group.
static GROUPS: [Group; 11] = [
    group(
        DrugGroup::Opioids,
        "tramadol, ultram = tramadol, ultracet = tramadol/acetaminophen, conzip = tramadol, hydrocodone, norco = hydrocodone/acetaminophen, \
         vicodin = hydrocodone/acetaminophen, lortab = hydrocodone/acetaminophen, \
         vicoprofen = hydrocodone/ibuprofen, zohydro = hydrocodone, hysingla = hydrocodone, \
         oxycodone, oxycontin = oxycodone, percocet = oxycodone/acetaminophen, \
         roxicodone = oxycodone, endocet = oxycodone/acetaminophen, xtampza = oxycodone, \
         morphine, ms contin = morphine, kadian = morphine, hydromorphone, \
         dilaudid = hydromorphone, exalgo = hydromorphone, oxymorphone, opana = oxymorphone, \
         tapentadol, nucynta = tapentadol, methadone, codeine, meperidine, \
         demerol = meperidine, levorphanol, dihydrocodeine, \
         trezix = acetaminophen/caffeine/dihydrocodeine, suboxone = buprenorphine/naloxone",
    ),
    Group {
        group: DrugGroup::Opioids,
        unsure: None,
        systemic_patch: true,
        names: "fentanyl, duragesic = fentanyl, buprenorphine, butrans = buprenorphine, \
                belbuca = buprenorphine",
    },
    group(
        DrugGroup::Nsaids,
        "ibuprofen, motrin = ibuprofen, advil = ibuprofen, naproxen, anaprox = naproxen, \
         naprosyn = naproxen, aleve = naproxen, diclofenac, voltaren = diclofenac, \
         arthrotec = diclofenac/misoprostol, zorvolex = diclofenac, zipsor = diclofenac, \
         etodolac, lodine = etodolac, meloxicam, mobic = meloxicam, celecoxib, \
         celebrex = celecoxib, nabumetone, relafen = nabumetone, ketorolac, \
         toradol = ketorolac, indomethacin, indocin = indomethacin, piroxicam, \
         feldene = piroxicam, oxaprozin, daypro = oxaprozin, ketoprofen, flurbiprofen, \
         sulindac, fenoprofen, nalfon = fenoprofen, duexis = ibuprofen/famotidine, \
         vimovo = naproxen/esomeprazole, salsalate",
    ),
    group(
        DrugGroup::MuscleRelaxants,
        "cyclobenzaprine, flexeril = cyclobenzaprine, amrix = cyclobenzaprine, \
         fexmid = cyclobenzaprine, tizanidine, \
         zanaflex = tizanidine, baclofen, lioresal = baclofen, methocarbamol, \
         robaxin = methocarbamol, carisoprodol, soma = carisoprodol, metaxalone, \
         skelaxin = metaxalone, orphenadrine, norflex = orphenadrine, chlorzoxazone, \
         lorzone = chlorzoxazone, parafon = chlorzoxazone, dantrolene",
    ),
    group(
        DrugGroup::Anticonvulsants,
        "gabapentin, neurontin = gabapentin, gralise = gabapentin, horizant = gabapentin, pregabalin, lyrica = pregabalin, topiramate, \
         topamax = topiramate, carbamazepine, tegretol = carbamazepine, oxcarbazepine, \
         trileptal = oxcarbazepine, lamotrigine, lamictal = lamotrigine, levetiracetam, \
         keppra = levetiracetam, divalproex, depakote = divalproex, zonisamide",
    ),
    group(
        DrugGroup::Antidepressants,
        "duloxetine, cymbalta = duloxetine, venlafaxine, effexor = venlafaxine, \
         desvenlafaxine, pristiq = desvenlafaxine, bupropion, wellbutrin = bupropion, \
         amitriptyline, elavil = amitriptyline, nortriptyline, pamelor = nortriptyline, \
         imipramine, doxepin, sertraline, zoloft = sertraline, fluoxetine, \
         prozac = fluoxetine, paroxetine, paxil = paroxetine, citalopram, \
         celexa = citalopram, escitalopram, lexapro = escitalopram, trazodone, \
         desyrel = trazodone, mirtazapine, remeron = mirtazapine, milnacipran, \
         savella = milnacipran",
    ),
    group(
        DrugGroup::SleepAids,
        "zolpidem, ambien = zolpidem, eszopiclone, lunesta = eszopiclone, zaleplon, \
         sonata = zaleplon, suvorexant, belsomra = suvorexant, ramelteon, \
         rozerem = ramelteon, melatonin, temazepam, restoril = temazepam",
    ),
    group(
        DrugGroup::ProtonPumpInhibitors,
        "omeprazole, prilosec = omeprazole, esomeprazole, nexium = esomeprazole, \
         pantoprazole, protonix = pantoprazole, lansoprazole, prevacid = lansoprazole, \
         rabeprazole, aciphex = rabeprazole, dexlansoprazole, dexilant = dexlansoprazole",
    ),
    // Topical-only products and ingredients, and the compounded oral
    // suspension kits CWCI counts with compounds whatever their ingredient.
    group(
        DrugGroup::TopicalCompounded,
        "lidocaine, lidoderm = lidocaine, bupivacaine, \
         terocin = methyl salicylate/capsaicin/menthol/lidocaine, \
         lidopro = lidocaine/capsaicin/menthol/methyl salicylate, flector = diclofenac, \
         pennsaid = diclofenac, medrox = methyl salicylate/menthol/capsaicin, \
         menthoderm = methyl salicylate/menthol, capsaicin, menthol, methyl salicylate, \
         camphor, biofreeze = menthol, salonpas = methyl salicylate/menthol, \
         deprizine = ranitidine, dicopanol = diphenhydramine, fanatrex = gabapentin, \
         synapryn = tramadol, tabradol = cyclobenzaprine, ketophene = ketoprofen",
    ),
    Group {
        group: DrugGroup::Other,
        unsure: Some(
            "a benzodiazepine: a muscle relaxant, a sleep aid or an anxiolytic; counted as other",
        ),
        systemic_patch: false,
        names: "diazepam, valium = diazepam, alprazolam, xanax = alprazolam, lorazepam, \
                ativan = lorazepam, clonazepam, klonopin = clonazepam",
    },
    group(
        DrugGroup::Other,
        "sildenafil, viagra = sildenafil, tadalafil, cialis = tadalafil, ondansetron, \
         zofran = ondansetron, famotidine, pepcid = famotidine, ranitidine, \
         zantac = ranitidine, fioricet = butalbital/acetaminophen/caffeine, butalbital, \
         acetaminophen, tylenol = acetaminophen, aspirin, prednisone, \
         medrol = methylprednisolone, methylprednisolone, dexamethasone, docusate, \
         colace = docusate, senna, senokot = senna, sennosides, promethazine, hydroxyzine, meclizine, dextromethorphan, theramine, sentradine, gabadone, \
         sumatriptan, imitrex = sumatriptan, lisinopril, metoprolol, atenolol, amlodipine, \
         losartan, hydrochlorothiazide, atorvastatin, lipitor = atorvastatin, simvastatin, \
         lovastatin, rosuvastatin, metformin, insulin, levothyroxine, \
         synthroid = levothyroxine, warfarin, coumadin = warfarin, clopidogrel, \
         plavix = clopidogrel, methotrexate",
    ),
];

/// A drug name of the lexicon.
#[derive(Clone, Copy)]
pub struct Drug {
    /// The generic name, when the name written is a brand.
    pub generic: Option<&'static str>,
    pub group: &'static Group,
}

/// Every name of the lexicon with what it stands for, in table order,
/// read once from [`GROUPS`].
pub static NAMES: LazyLock<Vec<(&'static str, Drug)>> = LazyLock::new(|| {
    GROUPS
        .iter()
        .flat_map(|group| {
            group.names.split(',').map(move |entry| {
                let (name, generic) = match entry.split_once('=') {
                    Some((brand, generic)) => (brand.trim(), Some(generic.trim())),
                    None => (entry.trim(), None),
                };
                (name, Drug { generic, group })
            })
        })
        .collect()
});

/// What the lexicon knows of a word or a two-word name.
#[derive(Clone, Copy, Default)]
struct Entry {
    /// The drug it names.
    drug: Option<Drug>,
    /// Whether it is the first word of a two-word name ("ms contin").
    starts_two_word_name: bool,
}

/// The lexicon by name and by the first words of two-word names, built once.
pub struct Lexicon {
    by_name: HashMap<&'static [u8], Entry, FixedKeys>,
    /// Bit `n` of `starts[a][b]` is set when a key of `n` bytes begins with
    /// bytes `a` and `b`, and of `ends[a][z]` when one begins with `a` and
    /// ends with `z`, each byte taken modulo 32 (the same in either case).
    /// Most words fail one of these two tests and are never hashed.
    starts: [[u32; 32]; 32],
    ends: [[u32; 32]; 32],
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        by_name: HashMap::default(),
        starts: [[0; 32]; 32],
        ends: [[0; 32]; 32],
    };
    for &(name, drug) in NAMES.iter() {
        lexicon.by_name.entry(name.as_bytes()).or_default().drug = Some(drug);
        if let Some((first, _)) = name.split_once(' ') {
            lexicon
                .by_name
                .entry(first.as_bytes())
                .or_default()
                .starts_two_word_name = true;
        }
    }
    for key in lexicon.by_name.keys() {
        let Some((a, b, z)) = first_two_and_last(key) else {
            continue;
        };
        lexicon.starts[a][b] |= 1 << key.len();
        lexicon.ends[a][z] |= 1 << key.len();
    }
    lexicon
});

/// The first two bytes and the last of `bytes`, modulo 32; none for fewer
/// than two bytes (no name is that short).
fn first_two_and_last(bytes: &[u8]) -> Option<(usize, usize, usize)> {
    let (&[first, second, ..], Some(&last)) = (bytes, bytes.last()) else {
        return None;
    };
    let modulo_32 = |b: u8| usize::from(b & 31);
    Some((modulo_32(first), modulo_32(second), modulo_32(last)))
}

/// The longest name a lookup can find, in bytes (a test checks that every
/// name fits); each length up to it is a bit of [`Lexicon::starts`].
const LONGEST: usize = 24;
const _: () = assert!(LONGEST < u32::BITS as usize);

/// Looks up a name (any case; one or two words).
pub fn lookup(name: &str) -> Option<Drug> {
    LEXICON.entry(name.as_bytes()).and_then(|e| e.drug)
}

/// The lexicon, for a scanner that looks up every word (taken once, not at
/// every word).
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The drug a word names, and whether it starts a two-word name (so a
    /// scanner knows to look one word further): one lookup for both.
    pub fn look_up_word(&self, word: &[u8]) -> (Option<Drug>, bool) {
        self.entry(word)
            .map_or((None, false), |e| (e.drug, e.starts_two_word_name))
    }

    /// This runs for every word of a case summary, so it allocates nothing:
    /// a word whose length and first, second and last letters no name has
    /// (most words: "of", "the", "patient") is none, and the others are
    /// lowercased into a small buffer and looked up by a cheap hash.
    fn entry(&self, name: &[u8]) -> Option<Entry> {
        let (a, b, z) = first_two_and_last(name)?;
        if name.len() > LONGEST {
            return None;
        }
        if (self.starts[a][b] & self.ends[a][z]) >> name.len() & 1 == 0 {
            return None;
        }
        let mut buffer = [0u8; LONGEST];
        let lower = &mut buffer[..name.len()];
        lower.copy_from_slice(name);
        lower.make_ascii_lowercase();
        self.by_name.get(&*lower).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first entry of a name would silently hide a second one, and a
    /// lookup only finds lowercase names of at most `LONGEST` bytes.
    #[test]
    fn names_are_unique_lowercase_and_short() {
        let mut seen = std::collections::BTreeSet::new();
        for &(name, drug) in NAMES.iter() {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == ' '),
                "{name:?} is not lowercase letters"
            );
            assert!(name.len() <= LONGEST, "{name:?} is too long");
            assert!(seen.insert(name), "{name:?} is listed twice");
            assert!(drug.generic.is_none_or(|g| !g.is_empty()), "{name:?}");
        }
    }

    /// The tests before the hash turn away no name, however it is written.
    #[test]
    fn every_name_is_found_in_any_case() {
        for &(name, _) in NAMES.iter() {
            let capitalized = name[..1].to_ascii_uppercase() + &name[1..];
            for written in [name.to_string(), name.to_ascii_uppercase(), capitalized] {
                assert!(lookup(&written).is_some(), "{written:?}");
            }
            if let Some((first, _)) = name.split_once(' ') {
                assert!(lexicon().look_up_word(first.as_bytes()).1, "{first:?}");
            }
        }
    }
}
