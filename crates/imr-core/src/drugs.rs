//! The drug lexicon: names seen in workers' compensation letters, brand or
//! generic, with the generic a brand stands for. Used to recognise medications
//! in case summaries; names not listed are still found when a strength
//! follows them ("Trezix 320.5-30-16mg").

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// `(name as written, lowercase; generic it stands for, or "" when the name is the generic)`.
const NAMES: &[(&str, &str)] = &[
    // Opioids and other analgesics.
    ("tramadol", ""),
    ("ultram", "tramadol"),
    ("ultracet", "tramadol/acetaminophen"),
    ("conzip", "tramadol"),
    ("hydrocodone", ""),
    ("norco", "hydrocodone/acetaminophen"),
    ("vicodin", "hydrocodone/acetaminophen"),
    ("lortab", "hydrocodone/acetaminophen"),
    ("vicoprofen", "hydrocodone/ibuprofen"),
    ("oxycodone", ""),
    ("oxycontin", "oxycodone"),
    ("percocet", "oxycodone/acetaminophen"),
    ("roxicodone", "oxycodone"),
    ("morphine", ""),
    ("ms contin", "morphine"),
    ("hydromorphone", ""),
    ("dilaudid", "hydromorphone"),
    ("oxymorphone", ""),
    ("opana", "oxymorphone"),
    ("tapentadol", ""),
    ("nucynta", "tapentadol"),
    ("methadone", ""),
    ("codeine", ""),
    ("fentanyl", ""),
    ("duragesic", "fentanyl"),
    ("buprenorphine", ""),
    ("butrans", "buprenorphine"),
    ("suboxone", "buprenorphine/naloxone"),
    ("trezix", "acetaminophen/caffeine/dihydrocodeine"),
    ("acetaminophen", ""),
    ("tylenol", "acetaminophen"),
    ("aspirin", ""),
    // NSAIDs.
    ("ibuprofen", ""),
    ("motrin", "ibuprofen"),
    ("advil", "ibuprofen"),
    ("naproxen", ""),
    ("naprosyn", "naproxen"),
    ("anaprox", "naproxen"),
    ("aleve", "naproxen"),
    ("diclofenac", ""),
    ("voltaren", "diclofenac"),
    ("arthrotec", "diclofenac/misoprostol"),
    ("meloxicam", ""),
    ("mobic", "meloxicam"),
    ("celecoxib", ""),
    ("celebrex", "celecoxib"),
    ("etodolac", ""),
    ("lodine", "etodolac"),
    ("nabumetone", ""),
    ("relafen", "nabumetone"),
    ("ketoprofen", ""),
    ("flurbiprofen", ""),
    ("indomethacin", ""),
    ("ketorolac", ""),
    ("toradol", "ketorolac"),
    ("piroxicam", ""),
    ("duexis", "ibuprofen/famotidine"),
    // Muscle relaxants.
    ("cyclobenzaprine", ""),
    ("flexeril", "cyclobenzaprine"),
    ("fexmid", "cyclobenzaprine"),
    ("amrix", "cyclobenzaprine"),
    ("tizanidine", ""),
    ("zanaflex", "tizanidine"),
    ("baclofen", ""),
    ("orphenadrine", ""),
    ("norflex", "orphenadrine"),
    ("methocarbamol", ""),
    ("robaxin", "methocarbamol"),
    ("carisoprodol", ""),
    ("soma", "carisoprodol"),
    ("metaxalone", ""),
    ("skelaxin", "metaxalone"),
    ("chlorzoxazone", ""),
    // Anticonvulsants.
    ("gabapentin", ""),
    ("neurontin", "gabapentin"),
    ("gralise", "gabapentin"),
    ("pregabalin", ""),
    ("lyrica", "pregabalin"),
    ("topiramate", ""),
    ("topamax", "topiramate"),
    ("carbamazepine", ""),
    ("lamotrigine", ""),
    // Antidepressants.
    ("duloxetine", ""),
    ("cymbalta", "duloxetine"),
    ("venlafaxine", ""),
    ("effexor", "venlafaxine"),
    ("amitriptyline", ""),
    ("elavil", "amitriptyline"),
    ("nortriptyline", ""),
    ("pamelor", "nortriptyline"),
    ("trazodone", ""),
    ("desyrel", "trazodone"),
    ("bupropion", ""),
    ("wellbutrin", "bupropion"),
    ("sertraline", ""),
    ("zoloft", "sertraline"),
    ("fluoxetine", ""),
    ("prozac", "fluoxetine"),
    ("citalopram", ""),
    ("escitalopram", ""),
    ("lexapro", "escitalopram"),
    ("paroxetine", ""),
    ("mirtazapine", ""),
    // Topicals and compounding ingredients.
    ("lidocaine", ""),
    ("lidoderm", "lidocaine"),
    ("capsaicin", ""),
    ("menthol", ""),
    ("methyl salicylate", ""),
    ("terocin", "methyl salicylate/capsaicin/menthol/lidocaine"),
    ("dextromethorphan", ""),
    ("camphor", ""),
    ("pennsaid", "diclofenac"),
    ("flector", "diclofenac"),
    // Proton pump inhibitors and other stomach drugs.
    ("omeprazole", ""),
    ("prilosec", "omeprazole"),
    ("pantoprazole", ""),
    ("protonix", "pantoprazole"),
    ("lansoprazole", ""),
    ("prevacid", "lansoprazole"),
    ("esomeprazole", ""),
    ("nexium", "esomeprazole"),
    ("ranitidine", ""),
    ("zantac", "ranitidine"),
    ("famotidine", ""),
    ("pepcid", "famotidine"),
    ("ondansetron", ""),
    ("zofran", "ondansetron"),
    ("docusate", ""),
    ("colace", "docusate"),
    ("senna", ""),
    // Sleep aids and anxiolytics.
    ("zolpidem", ""),
    ("ambien", "zolpidem"),
    ("eszopiclone", ""),
    ("lunesta", "eszopiclone"),
    ("temazepam", ""),
    ("restoril", "temazepam"),
    ("diazepam", ""),
    ("valium", "diazepam"),
    ("alprazolam", ""),
    ("xanax", "alprazolam"),
    ("lorazepam", ""),
    ("ativan", "lorazepam"),
    ("clonazepam", ""),
    ("klonopin", "clonazepam"),
    ("hydroxyzine", ""),
    ("melatonin", ""),
    // Other drugs that summaries list among current medications.
    ("lisinopril", ""),
    ("metoprolol", ""),
    ("atenolol", ""),
    ("amlodipine", ""),
    ("losartan", ""),
    ("hydrochlorothiazide", ""),
    ("atorvastatin", ""),
    ("lipitor", "atorvastatin"),
    ("simvastatin", ""),
    ("lovastatin", ""),
    ("rosuvastatin", ""),
    ("metformin", ""),
    ("insulin", ""),
    ("levothyroxine", ""),
    ("synthroid", "levothyroxine"),
    ("warfarin", ""),
    ("coumadin", "warfarin"),
    ("clopidogrel", ""),
    ("plavix", "clopidogrel"),
    ("prednisone", ""),
    ("methylprednisolone", ""),
    ("medrol", "methylprednisolone"),
    ("methotrexate", ""),
    ("sildenafil", ""),
    ("viagra", "sildenafil"),
    ("tadalafil", ""),
    ("cialis", "tadalafil"),
    ("sumatriptan", ""),
    ("imitrex", "sumatriptan"),
    ("butalbital", ""),
    ("fioricet", "butalbital/acetaminophen/caffeine"),
];

/// A drug name of the lexicon.
pub struct Drug {
    /// The generic name, when the name written is a brand.
    pub generic: Option<&'static str>,
}

/// The lexicon by name, built once.
static BY_NAME: LazyLock<HashMap<&'static [u8], &'static str, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| NAMES.iter().map(|&(n, g)| (n.as_bytes(), g)).collect());

/// The shortest and the longest name of the lexicon, in bytes.
const LENGTHS: (usize, usize) = {
    let (mut shortest, mut longest) = (usize::MAX, 0);
    let mut i = 0;
    while i < NAMES.len() {
        let len = NAMES[i].0.len();
        if len < shortest {
            shortest = len;
        }
        if len > longest {
            longest = len;
        }
        i += 1;
    }
    (shortest, longest)
};

/// Looks up a name (any case; one or two words). This runs for every word of
/// a case summary, so it allocates nothing: a word shorter or longer than
/// every name (most words: "of", "the", "and") is none, and the others are
/// lowercased into a small buffer and looked up by a cheap hash.
pub fn lookup(name: &str) -> Option<Drug> {
    if name.len() < LENGTHS.0 {
        return None;
    }
    let mut buffer = [0u8; LENGTHS.1];
    let lower = buffer.get_mut(..name.len())?;
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    let generic = *BY_NAME.get(&*lower)?;
    Some(Drug {
        generic: (!generic.is_empty()).then_some(generic),
    })
}

/// FNV-1a: for keys of a few bytes it is many times cheaper than the
/// standard SipHash, and the keys are fixed names, so no input can flood it.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Whether a word starts a two-word name ("ms contin", "methyl salicylate"),
/// so a scanner knows to look one word further.
pub fn starts_two_word_name(word: &str) -> bool {
    FIRST_WORDS
        .iter()
        .any(|first| first.eq_ignore_ascii_case(word))
}

/// The first words of the two-word names, built once.
static FIRST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    NAMES
        .iter()
        .filter_map(|(n, _)| n.split_once(' '))
        .map(|(first, _)| first)
        .collect()
});
